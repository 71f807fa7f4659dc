#if canImport(Glibc)
import Glibc
#endif

/// The record of what a `ForkedWorkerPool` ran (issue 4, item 3): every worker and every task.
/// Codable so the engine can send it over the sandbox's side channel (`SandboxContext.send`).
/// Times are wall-clock seconds since the Unix epoch, comparable with other records of the run.
public struct PoolRecord: Sendable, Equatable, Codable {
    public var size: Int
    public var maxTasksPerChild: Int?
    public var workers: [PoolWorkerRecord] = []
    public var tasks: [PoolTaskRecord] = []

    public init(size: Int, maxTasksPerChild: Int?) {
        self.size = size
        self.maxTasksPerChild = maxTasksPerChild
    }
}

public struct PoolWorkerRecord: Sendable, Equatable, Codable {
    public var pid: Int32
    public var name: String
    public var slot: Int
    public var startedAt: Double
    public var endedAt: Double?
    /// Python's `exitcode` (minus the signal number when killed); nil while running.
    public var exitCode: Int32?
    /// Why it ended: `stopped` (pool closed), `maxtasksperchild`, `terminated`, `died`.
    public var endReason: String?
    public var tasksCompleted: Int
}

public struct PoolTaskRecord: Sendable, Equatable, Codable {
    public var job: Int
    /// `map`, `single`, `orderedIteration`, `unorderedIteration` (see `PoolJobKind`).
    public var kind: String
    public var chunk: Int
    public var itemCount: Int
    public var workerPID: Int32
    public var workerName: String
    public var startedAt: Double
    public var endedAt: Double?
    /// `ok`, `error` (the body raised), `worker died`, `terminated`; nil while running.
    public var outcome: String?
}

/// Wall-clock seconds, for records that are compared across processes.
enum WallClock {
    static func now() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
