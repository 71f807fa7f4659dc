/// The samples of one timed case and their summary. Medians, not means: on a shared 2-core
/// machine one slow run (another build scheduling in) should not move the figure.
struct Measurement: Codable, Sendable {
    /// Seconds per run, in the order measured.
    var samples: [Double]
    /// Memory of the measured process, when known: for the sandboxed engine, the child's RSS
    /// and private bytes at the end of the run (largest over runs); for subprocesses, peak RSS
    /// from one extra run under `/usr/bin/time` (see `Subprocess.peakRSS`).
    var peakRSS: Int?
    var privateBytes: Int?

    var median: Double {
        let s = samples.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    var min: Double { samples.min() ?? .nan }
    var max: Double { samples.max() ?? .nan }

    enum CodingKeys: String, CodingKey { case samples, peakRSS, privateBytes, median, min, max }

    init(samples: [Double], peakRSS: Int? = nil) {
        self.samples = samples
        self.peakRSS = peakRSS
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        samples = try c.decode([Double].self, forKey: .samples)
        peakRSS = try c.decodeIfPresent(Int.self, forKey: .peakRSS)
        privateBytes = try c.decodeIfPresent(Int.self, forKey: .privateBytes)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(samples, forKey: .samples)
        try c.encodeIfPresent(peakRSS, forKey: .peakRSS)
        try c.encodeIfPresent(privateBytes, forKey: .privateBytes)
        try c.encode(median, forKey: .median)
        try c.encode(min, forKey: .min)
        try c.encode(max, forKey: .max)
    }
}

/// How long and how often to run each case: one warm-up run (whose result is also checked),
/// then runs until the time budget is spent, at least `minRuns` and at most `maxRuns` times.
struct SamplingPlan: Sendable {
    var budgetSeconds: Double
    var minRuns: Int
    var maxRuns: Int

    static let standard = SamplingPlan(budgetSeconds: 1.5, minRuns: 5, maxRuns: 50)
    static let quick = SamplingPlan(budgetSeconds: 0.3, minRuns: 3, maxRuns: 10)

    /// Runs `body` (which returns its own duration in seconds, so set-up outside the timed part
    /// is excluded) per the plan, after the warm-up.
    func measure(_ body: () throws -> Double) rethrows -> Measurement {
        try measureWithMemory { (try body(), nil) }
    }

    /// Several bodies measured in rounds (one run of each per round, after one warm-up each),
    /// so that load from other processes on a shared machine falls on all sides alike and the
    /// ratios between them stay meaningful. The budget applies to the round.
    func measureInterleaved(_ bodies: [() throws -> (seconds: Double, memory: MemoryNow?)]) throws -> [Measurement] {
        for body in bodies { _ = try body() }
        var samples = [[Double]](repeating: [], count: bodies.count)
        var memory = [MemoryNow?](repeating: nil, count: bodies.count)
        let started = Clock.now()
        var rounds = 0
        while rounds < maxRuns && (rounds < minRuns || Clock.now() - started < budgetSeconds * Double(bodies.count)) {
            for (i, body) in bodies.enumerated() {
                let run = try body()
                samples[i].append(run.seconds)
                if let m = run.memory {
                    memory[i] = MemoryNow(rss: Swift.max(memory[i]?.rss ?? 0, m.rss),
                                          privateBytes: Swift.max(memory[i]?.privateBytes ?? 0, m.privateBytes))
                }
            }
            rounds += 1
        }
        return samples.indices.map { i in
            var m = Measurement(samples: samples[i], peakRSS: memory[i]?.rss)
            m.privateBytes = memory[i]?.privateBytes
            return m
        }
    }

    /// The same, for bodies that also report the memory of what they ran (the largest is kept).
    func measureWithMemory(_ body: () throws -> (seconds: Double, memory: MemoryNow?)) rethrows -> Measurement {
        _ = try body()
        var samples: [Double] = []
        var memory: MemoryNow?
        let started = Clock.now()
        while samples.count < maxRuns && (samples.count < minRuns || Clock.now() - started < budgetSeconds) {
            let run = try body()
            samples.append(run.seconds)
            if let m = run.memory {
                memory = MemoryNow(rss: Swift.max(memory?.rss ?? 0, m.rss),
                                   privateBytes: Swift.max(memory?.privateBytes ?? 0, m.privateBytes))
            }
        }
        var result = Measurement(samples: samples, peakRSS: memory?.rss)
        result.privateBytes = memory?.privateBytes
        return result
    }
}
