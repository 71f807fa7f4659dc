#if canImport(Glibc)
import Glibc
#endif

/// A child process started by this process (forked, or spawned by `SpawnedWorker`), with
/// Python-`Process`-like control: wait with a timeout, terminate, kill, exit status.
///
/// A class because it remembers the exit status once reaped: the kernel reports it only once,
/// but Python code may `join()` and read `exitcode` any number of times.
public final class ChildProcess {
    public let pid: pid_t
    public private(set) var exitStatus: ExitStatus?

    /// Wraps an existing child pid (one this process must reap).
    public init(pid: pid_t) {
        self.pid = pid
    }

    /// Forks (refusing in a threaded process, see `Fork`), runs `body` in the child and ends the
    /// child with `body`'s return value via `_exit`. In the parent, returns the child.
    ///
    /// With a `budget`, a slot is reserved first and the fork refused with
    /// `ProcessLimitError.tooManyProcesses` when the budget is spent, so a fork bomb stops at the
    /// cap instead of at the kernel's limit.
    public static func fork(budget: ProcessBudget? = nil, _ body: () -> Int32) throws -> ChildProcess {
        let slot = try budget?.reserve()
        let parent = getpid()
        let forked: ForkResult
        do {
            forked = try Fork.fork()
        } catch {
            if let budget, let slot { budget.giveBack(slot: slot) }
            throw error
        }
        switch forked {
        case .child:
            // Recorded from both sides: whichever runs first fills the slot, so the record
            // survives either process being killed right after the fork.
            if let budget, let slot { budget.record(slot: slot, pid: getpid(), parent: parent) }
            ChildSide.exit(body())
        case let .parent(pid):
            if let budget, let slot { budget.record(slot: slot, pid: pid, parent: parent) }
            return ChildProcess(pid: pid)
        }
    }

    /// Reaps the child if it has ended; never waits. Returns nil while it runs.
    public func tryWait() throws -> ExitStatus? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                exitStatus = ExitStatus(waitStatus: status)
                return exitStatus
            }
            if result == 0 { return nil }
            if errno == EINTR { continue }
            throw SystemCallError.lastError("waitpid(\(pid))")
        }
    }

    /// Waits until the child ends (nil timeout) or `timeout` seconds pass; nil if it is still
    /// running then. Polls with a short, growing interval: a blocking `waitpid` cannot time out,
    /// and a `SIGCHLD` handler would be process-wide state this layer must not own.
    public func wait(timeout: Double? = nil) throws -> ExitStatus? {
        if timeout == nil {
            return try waitBlocking()
        }
        let deadline = Deadline(secondsFromNow: timeout)
        var interval = 0.0005
        while true {
            if let status = try tryWait() { return status }
            guard let remaining = deadline.remainingSeconds, remaining > 0 else { return nil }
            MonotonicClock.sleep(seconds: min(interval, remaining))
            interval = min(interval * 2, 0.01)
        }
    }

    /// Sends `signal` unless the child has already been reaped (its pid may be reused by then).
    public func signal(_ signal: Int32) throws {
        guard exitStatus == nil else { return }
        if Glibc.kill(pid, signal) == -1 && errno != ESRCH {
            throw SystemCallError.lastError("kill(\(pid), \(signal))")
        }
    }

    /// `SIGTERM`, as Python's `Process.terminate()`.
    public func terminate() throws { try signal(SIGTERM) }

    /// `SIGKILL`, as Python's `Process.kill()`.
    public func kill() throws { try signal(SIGKILL) }

    /// True until the child has been reaped. Reaps it if it has ended.
    public var isRunning: Bool {
        do {
            return try tryWait() == nil
        } catch {
            return false  // not our child any more (already reaped elsewhere): not running for us
        }
    }

    private func waitBlocking() throws -> ExitStatus {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, 0)
            if result == pid {
                let decoded = ExitStatus(waitStatus: status)
                exitStatus = decoded
                return decoded
            }
            if errno == EINTR { continue }
            throw SystemCallError.lastError("waitpid(\(pid))")
        }
    }
}
