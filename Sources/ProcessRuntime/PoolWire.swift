/// The messages between a `ForkedWorkerPool` and its workers. A task (job, chunk, items) is an
/// item of the shared task queue; a reply (the chunk's results, or the first failure and where
/// it happened, plus when the worker took the task) is one frame on the worker's socket.
///
/// Items and results travel as a count, every length, then their bytes back to back: a chunk
/// of a `PoolItemBatch` is copied in one piece, and a reply's results are read back into one
/// `PoolItemBatch` rather than an array per result.
enum PoolWire {
    struct Task: Equatable {
        let job: Int
        let chunk: Int
        let items: [[UInt8]]
    }

    enum Reply: Equatable {
        case success(PoolItemBatch)
        /// Item `index` of the chunk raised; the items before it are dropped, as CPython's
        /// `mapstar` (`list(map(func, chunk))`) drops them.
        case failure(index: Int, [UInt8])
    }

    struct DecodedReply: Equatable {
        let job: Int
        let chunk: Int
        /// When the worker took the task, in microseconds since the epoch.
        let startedMicros: Int
        let reply: Reply
    }

    private static let taskTag: UInt8 = 1
    private static let successTag: UInt8 = 1
    private static let failureTag: UInt8 = 2

    static func encode(_ task: Task) -> [UInt8] {
        encode(job: task.job, chunk: task.chunk, items: PoolItemBatch(task.items), range: 0..<task.items.count)
    }

    /// The task message for items `range` of `batch`: the same bytes as `encode(_:)` of a
    /// `Task` holding those items, written straight from the batch.
    static func encode(job: Int, chunk: Int, items batch: PoolItemBatch, range: Range<Int>) -> [UInt8] {
        let start = range.isEmpty || range.lowerBound == 0 ? 0 : batch.ends[range.lowerBound - 1]
        let end = range.isEmpty ? start : batch.ends[range.upperBound - 1]
        var writer = ByteWriter(capacity: 32 + (end - start) + 5 * range.count)
        writer.byte(taskTag)
        writer.count(job)
        writer.count(chunk)
        writer.count(range.count)
        // Every length first, then the items' bytes, which lie back to back in the batch.
        var previous = start
        for index in range {
            writer.count(batch.ends[index] - previous)
            previous = batch.ends[index]
        }
        writer.raw(batch.bytes[start..<end])
        return writer.bytes
    }

    static func decodeTask(_ bytes: [UInt8]) throws -> Task {
        var reader = ByteReader(bytes)
        let tag = try reader.byte()
        guard tag == taskTag else { throw MalformedMessage(detail: "unknown task tag \(tag)") }
        let job = try reader.count()
        let chunk = try reader.count()
        let count = try reader.elementCount()
        var lengths: [Int] = []
        lengths.reserveCapacity(count)
        for _ in 0..<count { lengths.append(try reader.count()) }
        var items: [[UInt8]] = []
        items.reserveCapacity(count)
        for length in lengths { items.append(try reader.raw(count: length)) }
        try reader.expectEnd()
        return Task(job: job, chunk: chunk, items: items)
    }

    static func encodeReply(job: Int, chunk: Int, startedMicros: Int, _ reply: Reply) -> [UInt8] {
        var capacity = 32
        switch reply {
        case let .success(results): capacity += results.bytes.count + 5 * results.count
        case let .failure(_, error): capacity += error.count
        }
        var writer = ByteWriter(capacity: capacity)
        writer.count(job)
        writer.count(chunk)
        writer.count(startedMicros)
        switch reply {
        case let .success(results):
            writer.byte(successTag)
            writer.count(results.count)
            var previous = 0
            for end in results.ends {
                writer.count(end - previous)
                previous = end
            }
            writer.raw(results.bytes[...])
        case let .failure(index, error):
            writer.byte(failureTag)
            writer.count(index)
            writer.blob(error)
        }
        return writer.bytes
    }

    static func decodeReply(_ bytes: [UInt8]) throws -> DecodedReply {
        var reader = ByteReader(bytes)
        let job = try reader.count()
        let chunk = try reader.count()
        let started = try reader.count()
        let reply: Reply
        switch try reader.byte() {
        case successTag:
            let count = try reader.elementCount()
            var ends: [Int] = []
            ends.reserveCapacity(count)
            var total = 0
            for _ in 0..<count {
                let length = try reader.count()
                guard length <= reader.remaining - total else {
                    throw MalformedMessage(detail: "result lengths exceed the \(reader.remaining) bytes left")
                }
                total += length
                ends.append(total)
            }
            guard let results = PoolItemBatch(bytes: try reader.raw(count: total), ends: ends) else {
                throw MalformedMessage(detail: "inconsistent result lengths")
            }
            reply = .success(results)
        case failureTag:
            let index = try reader.count()
            reply = .failure(index: index, try reader.blob())
        case let tag:
            throw MalformedMessage(detail: "unknown reply tag \(tag)")
        }
        try reader.expectEnd()
        return DecodedReply(job: job, chunk: chunk, startedMicros: started, reply: reply)
    }
}
