/// The messages between a `ForkedWorkerPool` and its workers, one frame each on the worker's
/// socket. Parent → worker: a task (job, chunk, items) or stop. Worker → parent: the chunk's
/// reply (every item's result, or the first failure and where it happened).
enum PoolWire {
    enum ToWorker: Equatable {
        case task(job: Int, chunk: Int, items: [[UInt8]])
        case stop
    }

    enum Reply: Equatable {
        case success([[UInt8]])
        /// Item `index` of the chunk raised; the items before it are dropped, as CPython's
        /// `mapstar` (`list(map(func, chunk))`) drops them.
        case failure(index: Int, [UInt8])
    }

    private static let taskTag: UInt8 = 1
    private static let stopTag: UInt8 = 2
    private static let successTag: UInt8 = 1
    private static let failureTag: UInt8 = 2

    static func encode(_ message: ToWorker) -> [UInt8] {
        var writer = ByteWriter()
        switch message {
        case let .task(job, chunk, items):
            writer.byte(taskTag)
            writer.count(job)
            writer.count(chunk)
            writer.count(items.count)
            for item in items { writer.blob(item) }
        case .stop:
            writer.byte(stopTag)
        }
        return writer.bytes
    }

    static func decodeToWorker(_ bytes: [UInt8]) throws -> ToWorker {
        var reader = ByteReader(bytes)
        switch try reader.byte() {
        case taskTag:
            let job = try reader.count()
            let chunk = try reader.count()
            let count = try reader.elementCount()
            var items: [[UInt8]] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try reader.blob()) }
            try reader.expectEnd()
            return .task(job: job, chunk: chunk, items: items)
        case stopTag:
            try reader.expectEnd()
            return .stop
        case let tag:
            throw MalformedMessage(detail: "unknown task tag \(tag)")
        }
    }

    static func encodeReply(job: Int, chunk: Int, _ reply: Reply) -> [UInt8] {
        var writer = ByteWriter()
        writer.count(job)
        writer.count(chunk)
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

    static func decodeReply(_ bytes: [UInt8]) throws -> (job: Int, chunk: Int, reply: Reply) {
        var reader = ByteReader(bytes)
        let job = try reader.count()
        let chunk = try reader.count()
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
        return (job, chunk, reply)
    }
}
