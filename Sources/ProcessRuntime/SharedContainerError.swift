/// Why a shared list or dict operation failed.
public enum SharedContainerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The new contents do not fit in the shared buffer; the container is left unchanged.
    case full(needed: Int, capacity: Int)
    /// The buffer does not decode (memory scribbled on, or a writer killed mid-update).
    case corrupted(String)

    public var description: String {
        switch self {
        case let .full(needed, capacity):
            "shared container needs \(needed) bytes but its shared buffer holds \(capacity)"
        case let .corrupted(detail): "shared container is corrupted: \(detail)"
        }
    }

    /// What the engine raises (CPython's manager would raise `MemoryError` only when the
    /// machine is out of memory; here the buffer is the limit).
    public var pythonExceptionType: String {
        switch self {
        case .full: "MemoryError"
        case .corrupted: "RuntimeError"
        }
    }
}
