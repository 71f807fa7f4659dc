#if canImport(Glibc)
import Glibc
#endif

/// A process-shared condition variable (`pthread_cond_t`) paired with a `ProcessMutex`, on the
/// monotonic clock so a change of the wall clock cannot stretch or cut a timed wait.
/// Events and barriers are built on it.
public final class ProcessConditionVariable: @unchecked Sendable {
    public let region: SharedMemoryRegion
    let condition: UnsafeMutablePointer<pthread_cond_t>

    public init(in region: SharedMemoryRegion) throws {
        self.region = region
        condition = try region.allocate(pthread_cond_t.self)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        defer { pthread_condattr_destroy(&attributes) }
        var result = pthread_condattr_setpshared(&attributes, Int32(PTHREAD_PROCESS_SHARED))
        if result == 0 { result = pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC) }
        if result == 0 { result = pthread_cond_init(condition, &attributes) }
        if result != 0 { throw SynchronizationError.system(SystemCallError("pthread_cond_init", code: result)) }
    }

    /// Waits for a signal with `mutex` held (it is released while waiting and re-taken before
    /// returning). Returns false if the deadline passed first. Wake-ups can be spurious: callers
    /// loop on their predicate.
    @discardableResult
    public func wait(on mutex: ProcessMutex, deadline: Deadline = .never) -> Bool {
        let result: Int32
        if var until = deadline.monotonicTimespec {
            result = pthread_cond_timedwait(condition, mutex.raw.mutex, &until)
        } else {
            result = pthread_cond_wait(condition, mutex.raw.mutex)
        }
        if result == EOWNERDEAD { pthread_mutex_consistent(mutex.raw.mutex) }
        return result != ETIMEDOUT
    }

    /// Waits until `predicate` holds or the deadline passes; returns the predicate's last value.
    public func wait(on mutex: ProcessMutex, deadline: Deadline = .never, until predicate: () -> Bool) -> Bool {
        while !predicate() {
            if deadline.hasExpired { return predicate() }
            wait(on: mutex, deadline: deadline)
        }
        return true
    }

    public func signal() { pthread_cond_signal(condition) }
    public func broadcast() { pthread_cond_broadcast(condition) }
}
