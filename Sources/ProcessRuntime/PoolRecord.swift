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
    /// Finished tasks, in the order the parent learned of their end.
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
    /// The worker that took the task; 0 and "" if none did (terminated or refused before).
    public var workerPID: Int32
    public var workerName: String
    /// When a worker took it (nil if none did).
    public var startedAt: Double?
    public var endedAt: Double
    /// `ok`, `error` (the body raised), `worker died`, `terminated`, `not run` (no worker could
    /// start, or the chunk was too large).
    public var outcome: String
}

/// Wall-clock seconds, for records that are compared across processes.
enum WallClock {
    static func now() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
