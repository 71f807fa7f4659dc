/// The storage of `Manager().list()`: serialized items in shared memory (see `SharedEntryStore`
/// for why no server process). Indices are already normalised by the engine (negative indices
/// resolved, `IndexError` raised there when these return nil/false).
public final class SharedList: @unchecked Sendable {
    public let store: SharedEntryStore

    public init(in region: SharedMemoryRegion, capacityBytes: Int = 1 << 18, initial: [[UInt8]] = []) throws {
        store = try SharedEntryStore(in: region, capacityBytes: capacityBytes)
        if !initial.isEmpty { try store.update { $0 = initial } }
    }

    public func count() throws -> Int { try store.read(\.count) }
    public func snapshot() throws -> [[UInt8]] { try store.read { $0 } }

    public func element(at index: Int) throws -> [UInt8]? {
        try store.read { $0.indices.contains(index) ? $0[index] : nil }
    }

    /// Replaces the item at `index`; false if out of range.
    @discardableResult
    public func set(_ item: [UInt8], at index: Int) throws -> Bool {
        try store.update { entries in
            guard entries.indices.contains(index) else { return false }
            entries[index] = item
            return true
        }
    }

    public func append(_ item: [UInt8]) throws { try store.update { $0.append(item) } }
    public func extend(_ items: [[UInt8]]) throws { try store.update { $0.append(contentsOf: items) } }

    /// Python's `insert`: the index is clamped to the list, as CPython does.
    public func insert(_ item: [UInt8], at index: Int) throws {
        try store.update { $0.insert(item, at: min(max(0, index), $0.count)) }
    }

    /// Removes and returns the item at `index` (the last when nil); nil if out of range.
    public func remove(at index: Int? = nil) throws -> [UInt8]? {
        try store.update { entries in
            let position = index ?? entries.count - 1
            guard entries.indices.contains(position) else { return nil }
            return entries.remove(at: position)
        }
    }

    public func removeAll() throws { try store.update { $0 = [] } }
}
