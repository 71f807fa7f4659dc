/// Collects a run's stdout and stderr up to a shared byte cap, remembering whether anything was
/// cut. Both streams draw from one cap because a flood on either costs the same.
struct OutputCollector {
    let cap: Int
    private(set) var stdout: [UInt8] = []
    private(set) var stderr: [UInt8] = []
    private(set) var truncated = false

    init(cap: Int) {
        self.cap = max(0, cap)
    }

    var total: Int { stdout.count + stderr.count }

    /// Appends a chunk to one stream, keeping only what fits under the cap.
    mutating func append(_ chunk: some Collection<UInt8>, toStandardError: Bool) {
        let room = cap - total
        let kept = chunk.prefix(max(0, room))
        if kept.count < chunk.count { truncated = true }
        if toStandardError {
            stderr.append(contentsOf: kept)
        } else {
            stdout.append(contentsOf: kept)
        }
    }
}
