/// Why a `ProcessQueue` operation did not complete. `pythonExceptionType` and `description`
/// are what CPython raises for the same situation.
public enum ProcessQueueError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `get` with nothing to take (non-blocking, or the timeout passed): `queue.Empty`.
    case empty
    /// `put` on a full queue (non-blocking, or the timeout passed): `queue.Full`.
    case full
    /// The serialized item does not fit in the queue's shared buffer even when it is empty.
    case itemTooLarge(size: Int, capacity: Int)
    /// `task_done()` more often than items were put.
    case taskDoneTooManyTimes
    /// The shared buffer holds something that is not a valid item (memory scribbled on, or a
    /// process killed in the middle of a `put`).
    case corrupted(String)

    public var description: String {
        switch self {
        case .empty, .full: ""
        case let .itemTooLarge(size, capacity):
            "queue item of \(size) bytes does not fit in the queue's shared buffer of \(capacity) bytes"
        case .taskDoneTooManyTimes: "task_done() called too many times"
        case let .corrupted(detail): "queue buffer is corrupted: \(detail)"
        }
    }

    public var pythonExceptionType: String {
        switch self {
        case .empty: "_queue.Empty"
        case .full: "queue.Full"
        case .itemTooLarge, .taskDoneTooManyTimes: "ValueError"
        case .corrupted: "RuntimeError"
        }
    }
}
