/// Why a spawned worker did not produce a response for a request. Every job handed to a
/// `WorkerPool` ends with either its response or one of these: none is ever lost silently.
public enum WorkerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The worker executable could not be started.
    case spawnFailed(executable: String, reason: String)
    /// No response within the time allowed; the worker was killed.
    case timedOut(seconds: Double)
    /// The worker ended (or closed its channel) before responding; its exit status if known.
    case died(ExitStatus?)
    /// The worker's handler reported a failure with this message.
    case handlerFailed(String)
    /// The channel carried something that is not a valid response.
    case protocolError(String)

    public var description: String {
        switch self {
        case let .spawnFailed(executable, reason):
            "could not start worker \(executable): \(reason)"
        case let .timedOut(seconds):
            "worker gave no response within \(seconds) s and was killed"
        case let .died(status):
            "worker died before responding" + (status.map { " (\($0))" } ?? "")
        case let .handlerFailed(message):
            "worker failed: \(message)"
        case let .protocolError(detail):
            "worker protocol error: \(detail)"
        }
    }
}
