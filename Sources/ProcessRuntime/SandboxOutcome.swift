/// Everything observed about one sandboxed run.
public struct SandboxOutcome: Sendable, Equatable, Codable {
    public var status: SandboxStatus
    /// The main process's raw end, when it was reaped (nil only if it could not be).
    public var exitStatus: ExitStatus?
    /// Captured stdout and stderr of the whole process group, each in arrival order, together at
    /// most `SandboxLimits.maxOutputBytes`.
    public var stdout: [UInt8]
    public var stderr: [UInt8]
    /// True if output was cut at the cap.
    public var outputTruncated: Bool
    /// Messages the run sent on its side channel (`SandboxContext.send`), in arrival order.
    public var records: [[UInt8]]
    /// Wall-clock seconds from fork until the main process ended or was killed.
    public var wallTimeSeconds: Double
    /// CPU seconds (user + system) used by the main process.
    public var cpuTimeSeconds: Double
    /// Pid of the main process, which is also the run's process group id.
    public var mainPID: Int32
    /// Processes started through the run's `ProcessBudget` whose pid was recorded, in start
    /// order. A process killed at the very moment it forked may miss its entry; the count of
    /// starts is `processesStarted`.
    public var processes: [ObservedProcess]
    /// Processes started through the run's `ProcessBudget` (the main process not included).
    public var processesStarted: Int
    /// Process starts refused by the process cap.
    public var processesRefused: Int
    /// Processes of the run still present after cleanup. Always empty unless something is
    /// badly wrong (e.g. a process stuck in uninterruptible sleep); reported, never hidden.
    public var survivors: [ProcessTableEntry]

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}
