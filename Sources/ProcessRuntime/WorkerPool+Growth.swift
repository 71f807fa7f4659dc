extension WorkerPool {
    /// How a pool may grow past `Configuration.size` while its workers wait instead of compute.
    ///
    /// A grading worker whose cell sleeps (`time.sleep(1)`, a `join` on a sleeping child, a
    /// queue nobody fills) holds a job but no CPU. With one worker per core, such a cell leaves
    /// a core idle for as long as it sleeps. A growing pool watches how many of its workers'
    /// processes are runnable (`ProcessTreeActivity`); while every worker is busy, jobs are
    /// waiting and the runnable count stays half a core or more under `cores`, it starts one
    /// more worker, up to `maxWorkers` and while memory allows. When the workers want more
    /// than `cores` by half a core or more (the sleepers woke up), the next extra worker to
    /// finish its job is parked: it gets no job until the pool grows again, and is stopped after
    /// `WorkerPool.parkingSeconds` (a batch with a sleeping cell every few sheets reuses the
    /// parked workers instead of starting new ones).
    public struct Growth: Sendable, Equatable {
        /// CPU cores the workers may keep busy together.
        public var cores: Int
        /// The most workers at once (`size` is the least).
        public var maxWorkers: Int
        /// Memory one more worker may need; a worker is added only while the kernel reports at
        /// least twice this much available (`MemAvailable`).
        public var memoryPerWorker: UInt64
        /// Seconds between two counts of runnable processes.
        public var sampleInterval: Double
        /// Counts averaged for one decision (the pool reacts after `window * sampleInterval`).
        public var window: Int

        public init(cores: Int, maxWorkers: Int, memoryPerWorker: UInt64 = 256 << 20, sampleInterval: Double = 0.05, window: Int = 4) {
            self.cores = max(1, cores)
            self.maxWorkers = max(1, maxWorkers)
            self.memoryPerWorker = memoryPerWorker
            self.sampleInterval = max(0.001, sampleInterval)
            self.window = max(1, window)
        }

        /// The default for a batch: from one worker per core up to eight per core.
        public static func elastic(cores: Int) -> Growth {
            Growth(cores: cores, maxWorkers: 8 * max(1, cores))
        }
    }
}

/// The pool's growth decisions, from a sliding window of runnable-process counts. Separate from
/// the pool so the rule can be tested with made-up counts.
struct GrowthGovernor {
    enum Decision: Equatable {
        case hold
        case grow
        case shrink
    }

    let growth: WorkerPool.Growth
    /// The pool's fixed size: it never shrinks below it.
    let baseSize: Int
    private var samples: [Int] = []
    private(set) var nextSample: Deadline

    init(growth: WorkerPool.Growth, baseSize: Int) {
        self.growth = growth
        self.baseSize = baseSize
        nextSample = Deadline(secondsFromNow: growth.sampleInterval)
    }

    var isDue: Bool { nextSample.hasExpired }

    /// Forgets the window (after a change of size, the old counts no longer describe the pool).
    mutating func reset() {
        samples.removeAll()
        nextSample = Deadline(secondsFromNow: growth.sampleInterval)
    }

    /// Takes one count and decides.
    /// - Parameters:
    ///   - runnable: runnable processes over every worker's process tree.
    ///   - workers: workers the pool has now.
    ///   - canGrow: every worker is busy and jobs are waiting (another worker would get one).
    ///   - memoryAvailable: `MemAvailable` in bytes, nil if unknown.
    mutating func record(runnable: Int, workers: Int, canGrow: Bool, memoryAvailable: UInt64?) -> Decision {
        nextSample = Deadline(secondsFromNow: growth.sampleInterval)
        samples.append(runnable)
        guard samples.count >= growth.window else { return .hold }
        defer { if samples.count >= growth.window { samples.removeFirst() } }
        let average = Double(samples.reduce(0, +)) / Double(samples.count)
        let cores = Double(growth.cores)
        if canGrow, workers < growth.maxWorkers, average <= cores - 0.5,
           (memoryAvailable ?? .max) / 2 >= growth.memoryPerWorker {
            samples.removeAll()
            return .grow
        }
        if workers > baseSize, average >= cores + 0.5 {
            samples.removeAll()
            return .shrink
        }
        return .hold
    }
}
