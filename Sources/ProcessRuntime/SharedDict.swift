/// The storage of `Manager().dict()`: serialized (key, value) pairs in insertion order, in
/// shared memory (see `SharedEntryStore`).
///
/// Keys are compared by their bytes, so the engine must serialize keys canonically (Python's
/// `1`, `1.0` and `True` are one key; give them one byte form) or do its own matching inside
/// `store.update`, which hands over all pairs at once.
public final class SharedDict: @unchecked Sendable {
    public let store: SharedEntryStore

    public init(in region: SharedMemoryRegion, capacityBytes: Int = 1 << 18) throws {
        store = try SharedEntryStore(in: region, capacityBytes: capacityBytes)
    }

    /// Entries are stored flat: key, value, key, value, ...
    private static func pairs(_ entries: [[UInt8]]) -> [(key: [UInt8], value: [UInt8])] {
        stride(from: 0, to: entries.count - 1, by: 2).map { (entries[$0], entries[$0 + 1]) }
    }

    private static func position(of key: [UInt8], in entries: [[UInt8]]) -> Int? {
        stride(from: 0, to: entries.count - 1, by: 2).first { entries[$0] == key }
    }

    public func count() throws -> Int { try store.read { $0.count / 2 } }
    public func items() throws -> [(key: [UInt8], value: [UInt8])] { try store.read(Self.pairs) }
    public func keys() throws -> [[UInt8]] { try items().map(\.key) }
    public func values() throws -> [[UInt8]] { try items().map(\.value) }

    public func value(for key: [UInt8]) throws -> [UInt8]? {
        try store.read { entries in Self.position(of: key, in: entries).map { entries[$0 + 1] } }
    }

    public func contains(_ key: [UInt8]) throws -> Bool { try value(for: key) != nil }

    /// `d[key] = value`: replaces in place (keeping insertion order) or appends.
    public func set(_ value: [UInt8], for key: [UInt8]) throws {
        try store.update { entries in
            if let position = Self.position(of: key, in: entries) {
                entries[position + 1] = value
            } else {
                entries.append(key)
                entries.append(value)
            }
        }
    }

    /// `del d[key]` / `pop`: the removed value, nil if absent (the engine raises `KeyError`).
    @discardableResult
    public func removeValue(for key: [UInt8]) throws -> [UInt8]? {
        try store.update { entries in
            guard let position = Self.position(of: key, in: entries) else { return nil }
            let value = entries[position + 1]
            entries.removeSubrange(position...(position + 1))
            return value
        }
    }

    public func removeAll() throws { try store.update { $0 = [] } }
}
