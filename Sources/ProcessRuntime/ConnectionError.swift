/// Why a `ProcessConnection` operation failed, worded as CPython's `multiprocessing.connection`.
public enum ConnectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Any use after `close()`.
    case closed
    /// `send` on the receiving end of `Pipe(duplex=False)`.
    case readOnly
    /// `recv`/`poll` on the sending end of `Pipe(duplex=False)`.
    case writeOnly
    /// `recv` when the other end is closed and nothing is left: Python's bare `EOFError`.
    case endOfFile
    /// `send` when the other end is closed.
    case brokenPipe
    case system(SystemCallError)

    public var description: String {
        switch self {
        case .closed: "handle is closed"
        case .readOnly: "connection is read-only"
        case .writeOnly: "connection is write-only"
        case .endOfFile: ""
        case .brokenPipe: "[Errno 32] Broken pipe"
        case let .system(error): error.description
        }
    }

    public var pythonExceptionType: String {
        switch self {
        case .closed, .readOnly, .writeOnly, .system: "OSError"
        case .endOfFile: "EOFError"
        case .brokenPipe: "BrokenPipeError"
        }
    }
}
