#if canImport(Glibc)
import Glibc
#endif

/// What code running inside the sandbox gets: its shared memory, its process budget, and the
/// side channel back to the sandbox's parent. Valid in the main process of the run and in every
/// process it forks.
public struct SandboxContext: @unchecked Sendable {
    /// The run's shared memory, created before the main process was forked.
    public let region: SharedMemoryRegion
    /// The cap on processes; fork through `fork(_:)` (or pass it to `ChildProcess.fork`).
    public let budget: ProcessBudget
    public let limits: SandboxLimits
    /// Pid of the run's main process, which is also its process group.
    public let mainPID: pid_t
    let recordWriter: FramedWriter
    let recordLock: ProcessMutex

    /// Sends one record (for example a JSON line describing a process or an output line) to the
    /// parent, which returns it in `SandboxOutcome.records`. Safe from any process of the run: a
    /// shared lock keeps frames from interleaving.
    public func send(record: some Collection<UInt8>) throws {
        try recordLock.withLock { try recordWriter.write(record) }
    }

    public func send(record text: String) throws {
        try send(record: Array(text.utf8))
    }

    /// Forks a child under the run's process budget; see `ChildProcess.fork(budget:_:)`.
    public func fork(_ body: () -> Int32) throws -> ChildProcess {
        try ChildProcess.fork(budget: budget, body)
    }

    /// The side channel's descriptor, which a child must keep open if it closes inherited
    /// descriptors itself.
    public var recordDescriptor: FileDescriptor { recordWriter.descriptor }
}
