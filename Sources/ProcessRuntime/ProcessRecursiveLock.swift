#if canImport(Glibc)
import Glibc
#endif

/// Python's `multiprocessing.RLock`: the owning process may acquire it again; it is free once
/// released as many times as acquired; only the owner may release.
///
/// Ownership is per process (pid). The engine runs Python code on one thread per process, so a
/// pid identifies the owner fully.
public final class ProcessRecursiveLock: ProcessSharedLock, @unchecked Sendable {
    public let region: SharedMemoryRegion
    let semaphore: ProcessSemaphore
    /// Holder's pid (0 when free) and depth; only the holder writes them.
    let owner: SharedValue<Int32>
    let depth: SharedValue<Int64>

    public init(in region: SharedMemoryRegion) throws {
        self.region = region
        semaphore = try ProcessSemaphore(in: region, initialValue: 1, maximumValue: 1)
        owner = try SharedValue(in: region, initialValue: 0)
        depth = try SharedValue(in: region, initialValue: 0)
    }

    public func acquire(blocking: Bool = true, timeout: Double? = nil) throws -> Bool {
        if isOwnedByCurrentProcess {
            depth.add(1)
            return true
        }
        guard try semaphore.acquire(blocking: blocking, timeout: timeout) else { return false }
        owner.value = getpid()
        depth.value = 1
        return true
    }

    /// Throws `recursiveLockNotOwned` unless the calling process holds the lock.
    public func release() throws {
        guard isOwnedByCurrentProcess else { throw SynchronizationError.recursiveLockNotOwned }
        if depth.add(-1) == 0 {
            owner.value = 0
            try semaphore.release()
        }
    }

    /// Pid of the holder, or nil when free.
    public var ownerPID: pid_t? {
        let pid = owner.value
        return pid == 0 ? nil : pid
    }

    public var isOwnedByCurrentProcess: Bool { owner.value == getpid() && depth.value > 0 }
    public var recursionLevel: Int { isOwnedByCurrentProcess ? Int(depth.value) : 0 }

    public func withLock<R>(_ body: () throws -> R) throws -> R {
        _ = try acquire()
        defer { try? release() }
        return try body()
    }
}
