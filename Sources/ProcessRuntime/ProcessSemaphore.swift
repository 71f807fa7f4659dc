#if canImport(Glibc)
import Glibc
#endif

/// A counting semaphore shared between processes (`sem_t` with `pshared = 1`): the engine's
/// `Semaphore` and `BoundedSemaphore`, and the base of `ProcessLock`, `ProcessRecursiveLock` and
/// `ProcessCondition` (as in CPython, where all of them are `SemLock`s).
public final class ProcessSemaphore: @unchecked Sendable {
    public let region: SharedMemoryRegion
    let semaphore: UnsafeMutablePointer<sem_t>
    /// Upper bound enforced by `release()` (a `BoundedSemaphore`), or nil for none.
    public let maximumValue: Int?

    /// `initialValue` must be ≥ 0 (CPython: `ValueError: semaphore initial value must be >= 0`).
    public init(in region: SharedMemoryRegion, initialValue: Int, maximumValue: Int? = nil) throws {
        guard initialValue >= 0 else {
            throw SynchronizationError.invalidArgument("semaphore initial value must be >= 0")
        }
        guard initialValue <= Int(Int32.max) else {
            throw SynchronizationError.invalidArgument("semaphore initial value \(initialValue) is too large")
        }
        self.region = region
        self.maximumValue = maximumValue
        semaphore = try region.allocate(sem_t.self)
        if sem_init(semaphore, 1, UInt32(initialValue)) == -1 {
            throw SynchronizationError.system(.lastError("sem_init"))
        }
    }

    /// Decrements the count, waiting while it is zero.
    /// - `blocking: false` never waits; `timeout` (seconds) bounds the wait; nil waits forever.
    /// - Returns: true if acquired, false if not (non-blocking and busy, or timed out).
    public func acquire(blocking: Bool = true, timeout: Double? = nil) throws -> Bool {
        if !blocking { return try tryAcquire() }
        guard let timeout else {
            while sem_wait(semaphore) == -1 {
                if errno != EINTR { throw SynchronizationError.system(.lastError("sem_wait")) }
            }
            return true
        }
        if timeout <= 0 { return try tryAcquire() }
        return try acquire(deadline: Deadline(secondsFromNow: timeout))
    }

    /// Waits until `deadline` at most.
    public func acquire(deadline: Deadline) throws -> Bool {
        guard var until = deadline.monotonicTimespec else { return try acquire(blocking: true, timeout: nil) }
        while true {
            let result: Int32
            if let clockwait = LinuxCalls.semClockwaitFunction {
                result = clockwait(semaphore, CLOCK_MONOTONIC, &until)
            } else {
                result = try acquireByPolling(deadline: deadline) ? 0 : -2
            }
            if result == 0 { return true }
            if result == -2 { return false }
            switch errno {
            case EINTR: continue
            case ETIMEDOUT: return false
            default: throw SynchronizationError.system(.lastError("sem_clockwait"))
            }
        }
    }

    /// Increments the count, waking one waiter. A bounded semaphore already at its maximum
    /// throws `SynchronizationError.releasedTooManyTimes` and stays unchanged.
    public func release() throws {
        if let maximumValue, value >= maximumValue {
            throw SynchronizationError.releasedTooManyTimes
        }
        if sem_post(semaphore) == -1 {
            if errno == EOVERFLOW { throw SynchronizationError.releasedTooManyTimes }
            throw SynchronizationError.system(.lastError("sem_post"))
        }
    }

    /// The current count (Python's `get_value()`).
    public var value: Int {
        var current: Int32 = 0
        sem_getvalue(semaphore, &current)
        return Int(max(0, current))
    }

    private func tryAcquire() throws -> Bool {
        while sem_trywait(semaphore) == -1 {
            switch errno {
            case EINTR: continue
            case EAGAIN: return false
            default: throw SynchronizationError.system(.lastError("sem_trywait"))
            }
        }
        return true
    }

    /// Fallback for a libc without `sem_clockwait`: retry `sem_trywait` with short sleeps.
    private func acquireByPolling(deadline: Deadline) throws -> Bool {
        while true {
            if try tryAcquire() { return true }
            if deadline.hasExpired { return false }
            MonotonicClock.sleep(seconds: 0.001)
        }
    }
}
