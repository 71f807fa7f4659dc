#if canImport(Glibc)
import Glibc
#endif

/// An anonymous `MAP_SHARED` mapping: memory that a parent and every child it forks afterwards
/// see at the same address, the medium for shared values and process-shared locks.
///
/// Create it before forking; children inherit it. Space is handed out by a bump allocator whose
/// cursor lives inside the region under a process-shared mutex, so allocations made later by any
/// process (parent or child) never overlap. Nothing is ever freed: a region lives as long as one
/// sandboxed run, and pages are only backed by memory once touched.
///
/// Every object allocated here keeps a strong reference to its region, so the mapping cannot be
/// unmapped while a lock or value inside it is still reachable.
public final class SharedMemoryRegion: @unchecked Sendable {
    /// Start of the mapping (page aligned).
    public let base: UnsafeMutableRawPointer
    /// Size of the mapping in bytes.
    public let size: Int

    private static let headerSize = 128
    private static let cursorOffset = 64

    /// Maps `size` bytes (rounded up to whole pages) of shared, zero-filled memory.
    public init(size: Int) throws {
        guard size > 0 else { throw SharedMemoryError.invalidSize("region size \(size) must be positive") }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let rounded = (size + Self.headerSize + page - 1) / page * page
        let address = mmap(nil, rounded, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let address, address != MAP_FAILED else {
            throw SharedMemoryError.system(.lastError("mmap"))
        }
        base = address
        self.size = rounded
        do {
            try RobustMutex.initialize(at: base)
        } catch {
            munmap(base, rounded)
            throw error
        }
        cursor.pointee = Self.headerSize
    }

    deinit {
        munmap(base, size)
    }

    private var headerMutex: RobustMutex { RobustMutex(base.assumingMemoryBound(to: pthread_mutex_t.self)) }
    private var cursor: UnsafeMutablePointer<Int> {
        (base + Self.cursorOffset).assumingMemoryBound(to: Int.self)
    }

    /// Bytes handed out so far (header included).
    public var bytesUsed: Int {
        headerMutex.withLock { cursor.pointee }
    }

    /// Bytes still available for allocation (before alignment padding).
    public var bytesAvailable: Int { size - bytesUsed }

    /// Reserves `byteCount` zero-filled bytes aligned to `alignment` (a power of two).
    public func allocate(byteCount: Int, alignment: Int = 16) throws -> UnsafeMutableRawPointer {
        guard byteCount >= 0 else { throw SharedMemoryError.invalidSize("byte count \(byteCount) is negative") }
        guard alignment > 0, alignment & (alignment - 1) == 0 else {
            throw SharedMemoryError.invalidSize("alignment \(alignment) is not a power of two")
        }
        return try headerMutex.withLock {
            let start = (cursor.pointee + alignment - 1) & ~(alignment - 1)
            guard start <= size, byteCount <= size - start else {
                throw SharedMemoryError.outOfSpace(requested: byteCount, available: max(0, size - cursor.pointee))
            }
            cursor.pointee = start + byteCount
            return base + start
        }
    }

    /// Reserves room for `count` values of `T`, bound to that type.
    public func allocate<T>(_ type: T.Type, count: Int = 1) throws -> UnsafeMutablePointer<T> {
        guard count >= 0 else { throw SharedMemoryError.invalidSize("element count \(count) is negative") }
        let (bytes, overflow) = MemoryLayout<T>.stride.multipliedReportingOverflow(by: max(count, 1))
        if overflow { throw SharedMemoryError.invalidSize("\(count) elements of \(T.self) overflow") }
        let raw = try allocate(byteCount: bytes, alignment: max(MemoryLayout<T>.alignment, 8))
        return raw.bindMemory(to: type, capacity: max(count, 1))
    }
}
