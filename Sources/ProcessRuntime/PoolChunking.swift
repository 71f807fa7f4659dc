/// CPython's rule for cutting a `map` input into tasks (`Pool._map_async`).
public enum PoolChunking {
    /// `chunksize, extra = divmod(len(iterable), len(pool) * 4); if extra: chunksize += 1`,
    /// used when `map`/`starmap` get no chunksize. CPython computes 0 for an empty input (and
    /// then submits no task); here the result is at least 1 so it can always be used to cut.
    public static func defaultChunkSize(itemCount: Int, workerCount: Int) -> Int {
        let divisor = max(1, workerCount) * 4
        var size = max(0, itemCount) / divisor
        if max(0, itemCount) % divisor != 0 { size += 1 }
        return max(1, size)
    }

    /// Cuts `items` into consecutive chunks of `size` (the last one shorter). An empty input
    /// gives no chunks, so `map([])` runs no task and returns `[]`, as in CPython. A size below
    /// 1 is treated as 1 (CPython accepts `chunksize=0` and then produces garbage results).
    public static func chunks<Element>(_ items: [Element], size: Int) -> [[Element]] {
        let step = max(1, size)
        return stride(from: 0, to: items.count, by: step).map { start in
            Array(items[start..<min(start + step, items.count)])
        }
    }
}
