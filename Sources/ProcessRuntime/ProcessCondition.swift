/// Python's `multiprocessing.Condition` over a `ProcessLock` or `ProcessRecursiveLock`.
///
/// A port of CPython's algorithm (`multiprocessing/synchronize.py`), which needs only semaphores
/// and therefore works with any lock: waiters announce themselves on `sleepingCount`, block on
/// `waitSemaphore`, and report on `wokenCount` so that `notify` knows how many it woke and can
/// discount waiters that timed out in between.
public final class ProcessCondition: @unchecked Sendable {
    public let lock: any ProcessSharedLock
    let sleepingCount: ProcessSemaphore
    let wokenCount: ProcessSemaphore
    let waitSemaphore: ProcessSemaphore

    public init(in region: SharedMemoryRegion, lock: any ProcessSharedLock) throws {
        self.lock = lock
        sleepingCount = try ProcessSemaphore(in: region, initialValue: 0)
        wokenCount = try ProcessSemaphore(in: region, initialValue: 0)
        waitSemaphore = try ProcessSemaphore(in: region, initialValue: 0)
    }

    public func acquire(blocking: Bool = true, timeout: Double? = nil) throws -> Bool {
        try lock.acquire(blocking: blocking, timeout: timeout)
    }

    public func release() throws {
        try lock.release()
    }

    /// Releases the lock (all levels of an `RLock`), waits for a notification or the timeout,
    /// then re-acquires the lock to the same depth. Returns false on timeout.
    /// Throws `conditionNotAcquired` if the caller does not hold the lock.
    public func wait(timeout: Double? = nil) throws -> Bool {
        guard lock.isOwnedByCurrentProcess else { throw SynchronizationError.conditionNotAcquired }
        try sleepingCount.release()
        let depth = lock.recursionLevel
        for _ in 0..<depth { try lock.release() }
        defer {
            try? wokenCount.release()
            for _ in 0..<depth { _ = try? lock.acquire(blocking: true, timeout: nil) }
        }
        return try waitSemaphore.acquire(blocking: true, timeout: timeout)
    }

    /// Python's `wait_for`: waits until `predicate` is true or the timeout passes, and returns
    /// the predicate's last value. The engine passes a closure that evaluates Python code.
    public func wait(timeout: Double? = nil, until predicate: () throws -> Bool) throws -> Bool {
        let deadline = Deadline(secondsFromNow: timeout)
        var result = try predicate()
        while !result {
            if let remaining = deadline.remainingSeconds, remaining <= 0 { break }
            _ = try wait(timeout: deadline.remainingSeconds)
            result = try predicate()
        }
        return result
    }

    /// Wakes up to `count` waiters. Throws `conditionLockNotOwned` if the caller does not hold
    /// the lock.
    public func notify(count: Int = 1) throws {
        guard lock.isOwnedByCurrentProcess else { throw SynchronizationError.conditionLockNotOwned }
        // Discount waiters that have woken (by timeout) since the last notify.
        while try wokenCount.acquire(blocking: false) {
            _ = try sleepingCount.acquire(blocking: false)
        }
        var woken = 0
        while woken < count, try sleepingCount.acquire(blocking: false) {
            try waitSemaphore.release()
            woken += 1
        }
        guard woken > 0 else { return }
        for _ in 0..<woken { _ = try wokenCount.acquire() }
        // Undo releases that a timed-out waiter will never consume.
        while try waitSemaphore.acquire(blocking: false) {}
    }

    /// Wakes every waiter.
    public func notifyAll() throws {
        try notify(count: Int.max)
    }
}
