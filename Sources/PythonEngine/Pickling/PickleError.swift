/// Why bytes could not be turned into a `PickleValue`, or a value into bytes.
public enum PickleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a valid encoding (truncated, unknown tag, bad UTF-8, bad length).
    case malformed(offset: Int, reason: String)
    /// Nesting deeper than `PickleValue.maximumDepth`.
    case tooDeep

    public var description: String {
        switch self {
        case let .malformed(offset, reason): "malformed pickle data at byte \(offset): \(reason)"
        case .tooDeep: "maximum recursion depth exceeded while pickling an object"
        }
    }

    /// The Python exception to raise.
    public var pythonExceptionType: String {
        switch self {
        case .malformed: "_pickle.UnpicklingError"
        case .tooDeep: "RecursionError"
        }
    }
}
