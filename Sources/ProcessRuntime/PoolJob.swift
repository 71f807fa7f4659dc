/// Identifies one submission to a `ForkedWorkerPool` (one `map`, `imap`, `apply_async`, ...).
public struct PoolJobID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public var description: String { "job \(rawValue)" }
}

/// How a job's results are consumed.
public enum PoolJobKind: String, Sendable, Codable {
    /// `map`/`starmap`/`map_async`: one outcome when every chunk is done, results in input order.
    case map
    /// `apply`/`apply_async`: a single item.
    case single
    /// `imap`: items handed out in input order as they become available.
    case orderedIteration
    /// `imap_unordered`: items handed out in completion order.
    case unorderedIteration
}

/// A finished job: all results in input order, or the first failure (by arrival), exactly what
/// CPython's `_MapResult`/`ApplyResult` keep.
public enum PoolJobOutcome: Sendable, Equatable {
    case success([[UInt8]])
    case failure(PoolTaskError)
}

/// One step of an `imap`/`imap_unordered` iteration: an item's result, or a failed chunk
/// (CPython raises it from `next()` and the iteration can continue after it).
public enum PoolIterationStep: Sendable, Equatable {
    case item([UInt8])
    case failure(PoolTaskError)
}

/// The parent's bookkeeping for one job. A class: chunk results arrive one by one and iteration
/// advances cursors in place.
final class PoolJob {
    let id: Int
    let kind: PoolJobKind
    let chunkCount: Int
    let callback: ((PoolJobOutcome) -> Void)?
    private(set) var chunkResults: [Result<PoolItemBatch, PoolTaskError>?]
    private(set) var arrival: [Int] = []
    private(set) var firstFailure: PoolTaskError?
    /// Iteration cursors: the chunk (ordered) or arrival position (unordered), and the item
    /// within it.
    private var cursor = 0
    private var itemOffset = 0

    init(id: Int, kind: PoolJobKind, chunkCount: Int, callback: ((PoolJobOutcome) -> Void)?) {
        self.id = id
        self.kind = kind
        self.chunkCount = chunkCount
        self.callback = callback
        chunkResults = Array(repeating: nil, count: chunkCount)
    }

    var isFinished: Bool { arrival.count == chunkCount }

    /// Stores a chunk's outcome; returns true if this completed the job. A chunk reported twice
    /// is ignored (cannot happen with one task per chunk, but costs nothing to guard).
    func record(chunk: Int, _ result: Result<PoolItemBatch, PoolTaskError>) -> Bool {
        guard chunk >= 0, chunk < chunkCount, chunkResults[chunk] == nil else { return false }
        chunkResults[chunk] = result
        arrival.append(chunk)
        if case let .failure(error) = result, firstFailure == nil { firstFailure = error }
        return isFinished
    }

    /// The outcome once finished.
    var outcome: PoolJobOutcome? {
        guard isFinished else { return nil }
        if let firstFailure { return .failure(firstFailure) }
        var items: [[UInt8]] = []
        for case let .success(results)? in chunkResults {
            for index in 0..<results.count { items.append(Array(results[index])) }
        }
        return .success(items)
    }

    /// A finished, successful job's results as they arrived: one batch per chunk, in input
    /// order. Nil while unfinished or when a chunk failed.
    var resultBatches: [PoolItemBatch]? {
        guard isFinished, firstFailure == nil else { return nil }
        var batches: [PoolItemBatch] = []
        batches.reserveCapacity(chunkCount)
        for case let .success(results)? in chunkResults { batches.append(results) }
        return batches
    }

    /// The next iteration step available now, nil if none is (yet).
    func takeNext() -> PoolIterationStep? {
        while cursor < chunkCount {
            let chunk: Int
            if kind == .unorderedIteration {
                guard cursor < arrival.count else { return nil }
                chunk = arrival[cursor]
            } else {
                chunk = cursor
            }
            guard let result = chunkResults[chunk] else { return nil }
            switch result {
            case let .failure(error):
                cursor += 1
                itemOffset = 0
                return .failure(error)
            case let .success(items):
                if itemOffset < items.count {
                    itemOffset += 1
                    return .item(Array(items[itemOffset - 1]))
                }
                cursor += 1
                itemOffset = 0
            }
        }
        return nil
    }

    /// True once iteration has handed out everything.
    var isExhausted: Bool { cursor >= chunkCount }
}
