#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the program's stdout or stderr goes. Buffers text and writes it to a file descriptor
/// (so processes forked later share the real fds and nothing is lost or duplicated as long as
/// `flush()` runs before `fork`), or captures it in memory for tests and notebook cells.
public final class OutputSink: @unchecked Sendable {
    public enum Target: Sendable {
        case fileDescriptor(Int32)
        case capture
    }

    public let target: Target
    private var buffer: [UInt8] = []
    /// Everything written, when capturing.
    public private(set) var captured: [UInt8] = []
    /// Total bytes written through this sink, for output caps.
    public private(set) var bytesWritten = 0
    /// Stop the program once this many bytes were written (nil: unlimited).
    public var byteLimit: Int?
    /// Sees every chunk just before it is written to the descriptor, in the process writing it
    /// (the run record tags output lines with the writing process this way).
    public var flushObserver: (([UInt8]) -> Void)?

    public init(_ target: Target) { self.target = target }

    public var capturedText: String { String(decoding: captured, as: UTF8.self) }

    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        bytesWritten += bytes.count
        if let limit = byteLimit, bytesWritten > limit {
            throw EngineLimitError(message: "output limit of \(limit) bytes exceeded")
        }
        switch target {
        case .capture:
            captured += bytes
        case .fileDescriptor:
            buffer += bytes
            if buffer.count >= 8192 { flush() }
        }
    }

    /// Writes buffered bytes to the descriptor. Called at exit, on `flush=True`, and by the
    /// multiprocessing layer before every fork.
    public func flush() {
        guard case .fileDescriptor(let fd) = target, !buffer.isEmpty else { return }
        flushObserver?(buffer)
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    break
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Drops buffered output without writing it (a forked child must not re-emit its parent's
    /// pending output).
    public func discardBuffered() { buffer.removeAll(keepingCapacity: true) }
}

private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, n)
    #else
    return Darwin.write(fd, p, n)
    #endif
}
