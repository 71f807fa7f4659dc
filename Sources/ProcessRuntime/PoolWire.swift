/// The messages between a `ForkedWorkerPool` and its workers. A task (job, chunk, items) is an
/// item of the shared task queue; a reply (the chunk's results, or the first failure and where
/// it happened, plus when the worker took the task) is one frame on the worker's socket.
enum PoolWire {
    struct Task: Equatable {
        let job: Int
        let chunk: Int
        let items: [[UInt8]]
    }

    enum Reply: Equatable {
        case success([[UInt8]])
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
        for index in range { writer.blob(batch[index]) }
        return writer.bytes
    }

    static func decodeTask(_ bytes: [UInt8]) throws -> Task {
        var reader = ByteReader(bytes)
        let tag = try reader.byte()
        guard tag == taskTag else { throw MalformedMessage(detail: "unknown task tag \(tag)") }
        let job = try reader.count()
        let chunk = try reader.count()
        let count = try reader.elementCount()
        var items: [[UInt8]] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try reader.blob()) }
        try reader.expectEnd()
        return Task(job: job, chunk: chunk, items: items)
    }

    /// Room for a message carrying `blobs`: each blob plus its length, and the header fields.
    /// (A chunk of 625 items grew its buffer a dozen times from the default.)
    private static func messageCapacity(_ blobs: [[UInt8]]) -> Int {
        blobs.reduce(32) { $0 + $1.count + 5 }
    }

    static func encodeReply(job: Int, chunk: Int, startedMicros: Int, _ reply: Reply) -> [UInt8] {
        var capacity = 32
        switch reply {
        case let .success(results): capacity = messageCapacity(results)
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
            for result in results { writer.blob(result) }
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
            var results: [[UInt8]] = []
            results.reserveCapacity(count)
            for _ in 0..<count { results.append(try reader.blob()) }
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
