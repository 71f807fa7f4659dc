/// A sandbox limit refused an operation.
public enum ProcessLimitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Starting one more process would exceed the per-run cap.
    case tooManyProcesses(limit: Int)

    public var description: String {
        switch self {
        case let .tooManyProcesses(limit):
            "process limit reached: this run may start at most \(limit) processes"
        }
    }
}
