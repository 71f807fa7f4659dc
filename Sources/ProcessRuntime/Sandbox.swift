#if canImport(Glibc)
import Glibc
#endif

/// Runs a piece of untrusted work in a forked child, inside its own process group, under
/// `SandboxLimits`, and reports what happened as a `SandboxOutcome`.
///
/// The calling process must be single-threaded (it forks; see `Fork`); in the grader that is a
/// sandbox worker started with `posix_spawn`, acting as a fork server: one fresh child per cell.
/// It also becomes a child subreaper, so orphans of the run are re-parented to it and can be
/// killed and reaped: when `run` returns, no process of the run is left.
///
/// A run that leaves nothing behind costs little more than its fork: when the caller had no
/// child before the run (a fork server between cells), the kernel itself proves that nothing is
/// left (the group is gone, the caller has no child), and only a run with an escaped process,
/// or a caller with children of its own, pays a `/proc` scan (`Sandbox+Cleanup.swift`). The
/// watch wakes the moment the main process ends (a pidfd in its poll set).
///
/// ```swift
/// let outcome = try Sandbox(limits: SandboxLimits(wallClockSeconds: 10)).run { context in
///     // In the run's main process: interpret the cell; fork Python processes with
///     // `context.fork { ... }` so the process cap applies; report with `context.send(record:)`.
///     return exitCode
/// }
/// switch outcome.status { case .ok: ...; case .timeout: ...; case .limit(.processes): ... }
/// ```
public struct Sandbox: Sendable {
    public var limits: SandboxLimits

    public init(limits: SandboxLimits = SandboxLimits()) {
        self.limits = limits
    }

    /// Forks the run's main process and runs `body` in it; `body`'s return value is its exit
    /// code. In the child, fds 1 and 2 are pipes to this process (grandchildren inherit them),
    /// stdin is `/dev/null`, signal dispositions are defaults, rlimits are set.
    ///
    /// Throws only when the run cannot be set up (a threaded caller, no pipes, no memory); every
    /// failure of the work itself is in the outcome.
    public func run(_ body: (SandboxContext) -> Int32) throws -> SandboxOutcome {
        // Refuse before any side effect (pipes, subreaper) when called from a threaded process.
        try ThreadCheck.requireSingleThreaded()
        try Subreaper.enable()
        let parent = getpid()
        let childrenBefore = Self.childrenBeforeRun(parent: parent)
        let region = try SharedMemoryRegion(size: limits.sharedMemoryBytes + 64 * 1024 + limits.maxProcesses * 16)
        let budget = try ProcessBudget(in: region, limit: limits.maxProcesses)
        let recordLock = try ProcessMutex(in: region)
        let pipes = try Self.makePipes()
        let (output, errors, records) = (pipes[0], pipes[1], pipes[2])
        // Read ends are closed when the run is over; write ends right after the fork (below), or
        // here if the fork fails. Never both: a number closed twice may meanwhile name another
        // file.
        var writeEndsOpen = true
        defer {
            pipes.forEach { $0.readEnd.closeQuietly() }
            if writeEndsOpen { pipes.forEach { $0.writeEnd.closeQuietly() } }
        }
        let streams = ChildStreams(output: output.writeEnd, errors: errors.writeEnd, records: records.writeEnd)

        let started = MonotonicClock.nowSeconds()
        let mainPID: pid_t
        switch try Fork.fork() {
        case .child:
            let context = SandboxContext(
                region: region, budget: budget, limits: limits, mainPID: getpid(),
                recordWriter: FramedWriter(descriptor: records.writeEnd), recordLock: recordLock
            )
            Self.prepareChild(streams: streams, limits: limits, parent: parent)
            ChildSide.exit(body(context))
        case let .parent(child):
            mainPID = child
        }
        // Also set the group from this side, so killing the group can never miss a child that
        // has not yet run its own setpgid.
        try? ProcessGroup.setGroup(of: mainPID, to: mainPID)
        pipes.forEach { $0.writeEnd.closeQuietly() }
        writeEndsOpen = false

        let mainExitWatch = LinuxCalls.pidfdOpen(mainPID)
        defer { mainExitWatch?.closeQuietly() }
        var monitor = RunMonitor(
            mainPID: mainPID, limits: limits,
            output: output.readEnd, errors: errors.readEnd, records: records.readEnd,
            mainExitWatch: mainExitWatch
        )
        let reason = monitor.watch()
        let ended = MonotonicClock.nowSeconds()
        let survivors = Self.cleanUp(group: mainPID, parent: parent, childrenBefore: childrenBefore, monitor: &monitor)

        return SandboxOutcome(
            status: Self.status(reason: reason, monitor: monitor, budget: budget),
            exitStatus: monitor.mainStatus,
            stdout: monitor.collector.stdout,
            stderr: monitor.collector.stderr,
            outputTruncated: monitor.collector.truncated,
            records: monitor.records,
            wallTimeSeconds: ended - started,
            cpuTimeSeconds: monitor.mainCPUSeconds,
            mainPID: mainPID,
            processes: budget.observedProcesses,
            processesStarted: budget.startedCount,
            processesRefused: budget.refusedCount,
            survivors: survivors
        )
    }

    /// Three pipes (stdout, stderr, records), or none: a failure closes those already made.
    static func makePipes() throws -> [ProcessPipe] {
        var pipes: [ProcessPipe] = []
        do {
            for _ in 0..<3 { pipes.append(try ProcessPipe()) }
        } catch {
            pipes.forEach { $0.closeQuietly() }
            throw error
        }
        return pipes
    }

    /// Decides the status from why watching stopped and how the main process ended.
    static func status(reason: RunMonitor.StopReason, monitor: RunMonitor, budget: ProcessBudget) -> SandboxStatus {
        switch reason {
        case .timedOut: return .timeout
        case .outputExceeded: return .limit(.output)
        case .cancelled: return .cancelled
        case .mainExited:
            // Output read after the main process ended can still overflow the cap.
            if monitor.collector.truncated { return .limit(.output) }
        }
        guard let status = monitor.mainStatus else { return .signalled(SIGKILL) }
        switch status {
        case .exited(0):
            return .ok
        case let .exited(code):
            return budget.refusedCount > 0 ? .limit(.processes) : .error(exitCode: code)
        case .signalled(SIGXCPU):
            return .limit(.cpuTime)
        case .signalled(SIGKILL) where monitor.limits.cpuSeconds.map { monitor.mainCPUSeconds >= Double($0) } ?? false:
            return .limit(.cpuTime)
        case .signalled(SIGXFSZ):
            return .limit(.fileSize)
        case let .signalled(signal):
            return budget.refusedCount > 0 ? .limit(.processes) : .signalled(signal)
        }
    }
}
