#if canImport(Glibc)
import Glibc
#endif

/// A process-shared, robust mutex (`pthread_mutex_t`) in shared memory.
///
/// For this layer's own bookkeeping and for short critical sections in engine code. It must be
/// unlocked by the process that locked it; Python's `Lock` (which any process may release) is
/// `ProcessLock` instead. If the holder dies, the next `lock()` succeeds rather than hanging.
public final class ProcessMutex: @unchecked Sendable {
    public let region: SharedMemoryRegion
    let raw: RobustMutex

    public init(in region: SharedMemoryRegion) throws {
        self.region = region
        let memory = try region.allocate(byteCount: MemoryLayout<pthread_mutex_t>.stride, alignment: 16)
        raw = try RobustMutex.initialize(at: memory)
    }

    public func lock() { raw.lock() }
    public func unlock() { raw.unlock() }
    /// Takes the mutex if it is free; never waits.
    public func tryLock() -> Bool { raw.tryLock() }

    public func withLock<R>(_ body: () throws -> R) rethrows -> R {
        try raw.withLock(body)
    }
}
