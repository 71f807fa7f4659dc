#if canImport(Glibc)
import Glibc
#endif

/// Python's `multiprocessing.Lock`: a binary semaphore any process may release, remembering
/// which process took it (for `Condition`'s ownership checks and for diagnostics).
public final class ProcessLock: ProcessSharedLock, @unchecked Sendable {
    public let region: SharedMemoryRegion
    let semaphore: ProcessSemaphore
    /// Pid of the holder, 0 when free. Written only by the process that just acquired or is
    /// releasing, so it needs no lock of its own.
    let owner: SharedValue<Int32>

    public init(in region: SharedMemoryRegion) throws {
        self.region = region
        semaphore = try ProcessSemaphore(in: region, initialValue: 1, maximumValue: 1)
        owner = try SharedValue(in: region, initialValue: 0)
    }

    public func acquire(blocking: Bool = true, timeout: Double? = nil) throws -> Bool {
        let acquired = try semaphore.acquire(blocking: blocking, timeout: timeout)
        if acquired { owner.value = getpid() }
        return acquired
    }

    /// Releases the lock; releasing a free lock throws `releasedTooManyTimes` as CPython does.
    public func release() throws {
        guard semaphore.value == 0 else { throw SynchronizationError.releasedTooManyTimes }
        owner.value = 0
        try semaphore.release()
    }

    /// True while some process holds the lock.
    public var isLocked: Bool { semaphore.value == 0 }

    /// Pid of the holder, or nil when free.
    public var ownerPID: pid_t? {
        let pid = owner.value
        return pid == 0 ? nil : pid
    }

    public var isOwnedByCurrentProcess: Bool { isLocked && owner.value == getpid() }
    public var recursionLevel: Int { isOwnedByCurrentProcess ? 1 : 0 }

    /// Runs `body` with the lock held.
    public func withLock<R>(_ body: () throws -> R) throws -> R {
        _ = try acquire()
        defer { try? release() }
        return try body()
    }
}
