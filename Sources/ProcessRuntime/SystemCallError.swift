#if canImport(Glibc)
import Glibc
#endif

/// A failed system call, kept with the call's name and `errno`, because an error that only says
/// "operation failed" cannot be acted on by whoever reads a grading log at 3 a.m.
public struct SystemCallError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name of the call that failed, e.g. `"pipe2"`.
    public let call: String
    /// The `errno` value it left behind.
    public let code: Int32

    public init(_ call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    /// Captures the current `errno` for `call`. Call it right after the failure, before anything
    /// else can overwrite `errno`.
    public static func lastError(_ call: String) -> SystemCallError {
        SystemCallError(call, code: errno)
    }

    public var description: String {
        "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
