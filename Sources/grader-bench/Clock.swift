#if canImport(Glibc)
import Glibc
#endif

/// CLOCK_MONOTONIC in seconds: wall time that never jumps with NTP or the date.
enum Clock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Peak resident set size of this process, in bytes (`getrusage`; Linux reports KiB).
enum PeakMemory {
    static func ofSelf() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}

/// Memory of this process now, from /proc/self/smaps_rollup. In a forked child, `private` is
/// what the child added on top of the pages it still shares with its parent (the fork server):
/// the memory a sandbox worker really costs. `rss` counts the shared pages too.
///
/// Reading it is not free (the kernel walks every mapping: ≈ 0.2–0.5 ms for a forked engine,
/// plus the parsing), so `readSeconds` says how long it took; timed runs that read it subtract
/// that, so the benchmark's own measuring is not counted as the engine's time.
struct MemoryNow: Codable, Sendable {
    var rss: Int
    var privateBytes: Int
    var readSeconds = 0.0

    static func read() -> MemoryNow? {
        let started = Clock.now()
        guard var memory = readUntimed() else { return nil }
        memory.readSeconds = Clock.now() - started
        return memory
    }

    private static func readUntimed() -> MemoryNow? {
        guard let text = TextFile.read("/proc/self/smaps_rollup") else { return nil }
        var fields: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, parts[0].hasSuffix(":"), let kb = Int(parts[1]) else { continue }
            fields[String(parts[0].dropLast())] = kb * 1024
        }
        guard let rss = fields["Rss"] else { return nil }
        return MemoryNow(rss: rss, privateBytes: (fields["Private_Clean"] ?? 0) + (fields["Private_Dirty"] ?? 0))
    }

    var record: String { "\(rss) \(privateBytes) \(readSeconds)" }

    init(rss: Int, privateBytes: Int, readSeconds: Double = 0) {
        self.rss = rss
        self.privateBytes = privateBytes
        self.readSeconds = readSeconds
    }

    init?(record: [UInt8]) {
        let parts = String(decoding: record, as: UTF8.self).split(separator: " ")
        guard parts.count == 3, let r = Int(parts[0]), let p = Int(parts[1]), let s = Double(parts[2]) else { return nil }
        self.init(rss: r, privateBytes: p, readSeconds: s)
    }
}
