/// Misuse of a process-shared lock, semaphore, condition or barrier. Each case's `description` is
/// CPython's message for the same misuse, and `pythonExceptionType` names the exception CPython
/// raises, so the engine can map one to the other without a table of its own.
public enum SynchronizationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Releasing a `Lock` that is not held, or a bounded semaphore above its maximum.
    case releasedTooManyTimes
    /// Releasing an `RLock` this process does not hold.
    case recursiveLockNotOwned
    /// `Condition.wait` without holding the condition's lock.
    case conditionNotAcquired
    /// `Condition.notify` without holding the condition's lock.
    case conditionLockNotOwned
    /// Waiting on a barrier that is broken, or that broke (timeout, abort, reset) while waiting.
    case brokenBarrier
    /// A constructor argument out of range, with CPython's message.
    case invalidArgument(String)
    case system(SystemCallError)

    public var description: String {
        switch self {
        case .releasedTooManyTimes: "semaphore or lock released too many times"
        case .recursiveLockNotOwned: "attempt to release recursive lock not owned by thread"
        case .conditionNotAcquired: "must acquire() condition before using wait()"
        case .conditionLockNotOwned: "lock is not owned"
        case .brokenBarrier: ""
        case let .invalidArgument(message): message
        case let .system(error): error.description
        }
    }

    /// The CPython exception class for this error.
    public var pythonExceptionType: String {
        switch self {
        case .releasedTooManyTimes, .invalidArgument: "ValueError"
        case .recursiveLockNotOwned, .conditionNotAcquired, .conditionLockNotOwned: "AssertionError"
        case .brokenBarrier: "threading.BrokenBarrierError"
        case .system: "OSError"
        }
    }
}
