#if canImport(Glibc)
import Glibc
#endif

/// A view of a process-shared, robust `pthread_mutex_t` living in shared memory: the building
/// block under `ProcessMutex`, events, barriers and the region's own allocator.
///
/// Robust, because a sandboxed process can be killed at any instant, including while holding
/// the mutex. The next locker then gets `EOWNERDEAD` instead of blocking forever; we mark the
/// mutex consistent and carry on, which is the best anyone can do with a dead owner's state.
struct RobustMutex: @unchecked Sendable {
    let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init(_ mutex: UnsafeMutablePointer<pthread_mutex_t>) {
        self.mutex = mutex
    }

    /// Initialises a mutex at `address` (which must be zeroed shared memory).
    @discardableResult
    static func initialize(at address: UnsafeMutableRawPointer) throws -> RobustMutex {
        let mutex = address.bindMemory(to: pthread_mutex_t.self, capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        defer { pthread_mutexattr_destroy(&attributes) }
        var result = pthread_mutexattr_setpshared(&attributes, Int32(PTHREAD_PROCESS_SHARED))
        if result == 0 { result = pthread_mutexattr_setrobust(&attributes, Int32(PTHREAD_MUTEX_ROBUST)) }
        if result == 0 { result = pthread_mutex_init(mutex, &attributes) }
        if result != 0 { throw SharedMemoryError.system(SystemCallError("pthread_mutex_init", code: result)) }
        return RobustMutex(mutex)
    }

    func lock() {
        let result = pthread_mutex_lock(mutex)
        if result == EOWNERDEAD { pthread_mutex_consistent(mutex) }
    }

    /// True if the mutex was taken without waiting.
    func tryLock() -> Bool {
        let result = pthread_mutex_trylock(mutex)
        if result == EOWNERDEAD { pthread_mutex_consistent(mutex) }
        return result == 0 || result == EOWNERDEAD
    }

    func unlock() {
        pthread_mutex_unlock(mutex)
    }

    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        lock()
        defer { unlock() }
        return try body()
    }
}
