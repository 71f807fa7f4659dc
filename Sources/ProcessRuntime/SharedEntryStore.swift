/// A list of byte strings in shared memory, read and replaced as a whole under a process-shared
/// lock: the storage under `SharedList` and `SharedDict` (`Manager().list()` / `.dict()`).
///
/// Why not a manager server process as in CPython: CPython needs a server because it cannot
/// share Python objects between processes, so one process owns them and the others send it
/// requests. Under `fork` every process of a run already shares the mapping made before it was
/// forked, so the serialized contents can live there directly: no extra process to start, name
/// and reap, no request round trips, and a killed process cannot take the data with it. The
/// cost is that each operation decodes and re-encodes the container, which is fine for the
/// sizes student code uses (and bounded by `capacityBytes`).
///
/// Transactions see a consistent snapshot and commit atomically with respect to other
/// processes; Python's `d[k] += 1` is still a read then a write (two transactions), racy across
/// processes exactly as with a CPython `DictProxy`.
///
/// Double-buffered: an update writes the new contents into the inactive half and then flips one
/// index, so a process killed in the middle of an update (Python's `terminate()`) leaves the
/// previous contents intact rather than a half-written buffer.
public final class SharedEntryStore: @unchecked Sendable {
    /// Bytes available to the encoded contents (the store reserves twice this).
    public let capacityBytes: Int
    let mutex: ProcessMutex
    /// [active half, used bytes of half 0, used bytes of half 1].
    let header: SharedArray<Int64>
    let halves: [UnsafeMutablePointer<UInt8>]

    public init(in region: SharedMemoryRegion, capacityBytes: Int = 1 << 18) throws {
        guard capacityBytes >= 16 else {
            throw SharedMemoryError.invalidSize("shared container buffer of \(capacityBytes) bytes is too small")
        }
        self.capacityBytes = capacityBytes
        mutex = try ProcessMutex(in: region)
        header = try SharedArray(in: region, count: 3, repeating: 0)
        halves = [try region.allocate(UInt8.self, count: capacityBytes), try region.allocate(UInt8.self, count: capacityBytes)]
    }

    /// Runs `body` on the current entries (read-only).
    public func read<R>(_ body: ([[UInt8]]) throws -> R) throws -> R {
        try mutex.withLock { try body(try decode()) }
    }

    /// Runs `body` on the entries and stores what it leaves, atomically. If `body` throws, or
    /// the result does not fit (`SharedContainerError.full`), nothing changes.
    public func update<R>(_ body: (inout [[UInt8]]) throws -> R) throws -> R {
        try mutex.withLock {
            var entries = try decode()
            let result = try body(&entries)
            var writer = ByteWriter(capacity: 256)
            writer.count(entries.count)
            for entry in entries { writer.blob(entry) }
            let encoded = writer.bytes
            guard encoded.count <= capacityBytes else {
                throw SharedContainerError.full(needed: encoded.count, capacity: capacityBytes)
            }
            let target = header[0] == 0 ? 1 : 0
            encoded.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { halves[target].update(from: base, count: source.count) }
            }
            header[1 + target] = Int64(encoded.count)
            header[0] = Int64(target)  // the commit point
            return result
        }
    }

    private func decode() throws -> [[UInt8]] {
        let active = Int(header[0])
        guard active == 0 || active == 1 else {
            throw SharedContainerError.corrupted("active buffer index \(active) is out of range")
        }
        let used = Int(header[1 + active])
        if used == 0 { return [] }
        guard used > 0, used <= capacityBytes else {
            throw SharedContainerError.corrupted("recorded size \(used) is out of range")
        }
        var reader = ByteReader(Array(UnsafeBufferPointer(start: halves[active], count: used)))
        do {
            let count = try reader.elementCount()
            var entries: [[UInt8]] = []
            entries.reserveCapacity(count)
            for _ in 0..<count { entries.append(try reader.blob()) }
            try reader.expectEnd()
            return entries
        } catch let error as MalformedMessage {
            throw SharedContainerError.corrupted(error.detail)
        }
    }
}
