/// Many task items in one buffer: `bytes` holds them back to back and `ends[i]` is where item
/// `i` stops. A `map` over 10,000 values writes its items here instead of into 10,000 arrays of
/// its own, and the pool cuts its chunks from the buffer directly (`ForkedWorkerPool.map(_:)`):
/// one allocation instead of one per item, and no copying of each item into the chunk's
/// message afterwards.
public struct PoolItemBatch: Sendable, Equatable {
    public private(set) var bytes: [UInt8]
    public private(set) var ends: [Int] = []

    /// `byteCapacity`/`itemCapacity`: expected totals, to allocate once.
    public init(byteCapacity: Int = 0, itemCapacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(byteCapacity)
        ends.reserveCapacity(itemCapacity)
    }

    /// A batch of existing items.
    public init(_ items: [[UInt8]]) {
        self.init(byteCapacity: items.reduce(0) { $0 + $1.count }, itemCapacity: items.count)
        for item in items { append(item) }
    }

    /// Items already laid out in `bytes`, item `i` ending at `ends[i]`; nil unless the ends
    /// rise (never fall) and the last one is the end of `bytes`.
    public init?(bytes: [UInt8], ends: [Int]) {
        var previous = 0
        for end in ends {
            guard end >= previous else { return nil }
            previous = end
        }
        guard previous == bytes.count else { return nil }
        self.bytes = bytes
        self.ends = ends
    }

    public var count: Int { ends.count }
    public var isEmpty: Bool { ends.isEmpty }

    /// The bytes of item `index`.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    public mutating func append(_ item: some Collection<UInt8>) {
        bytes.append(contentsOf: item)
        ends.append(bytes.count)
    }

    /// Appends an item written in place: `write` appends its bytes to the buffer (and only
    /// appends: what is already there belongs to earlier items). If `write` throws, the
    /// partial item is removed and the batch is as before.
    public mutating func appendItem(_ write: (inout [UInt8]) throws -> Void) rethrows {
        let start = bytes.count
        do {
            try write(&bytes)
        } catch {
            bytes.removeSubrange(start...)
            throw error
        }
        ends.append(bytes.count)
    }
}
