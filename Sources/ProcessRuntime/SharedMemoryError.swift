/// Why shared memory could not be set up or allocated.
public enum SharedMemoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The region has no room left for an allocation of `requested` bytes.
    case outOfSpace(requested: Int, available: Int)
    /// A size, count or alignment that makes no sense (negative, zero, not a power of two).
    case invalidSize(String)
    case system(SystemCallError)

    public var description: String {
        switch self {
        case let .outOfSpace(requested, available):
            "shared memory region is full: \(requested) bytes requested, \(available) available"
        case let .invalidSize(detail):
            "invalid shared memory request: \(detail)"
        case let .system(error):
            "shared memory: \(error)"
        }
    }
}
