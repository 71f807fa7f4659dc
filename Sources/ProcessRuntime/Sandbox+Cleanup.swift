#if canImport(Glibc)
import Glibc
#endif

extension Sandbox {
    /// Kills every process of the run and reaps it, then reads what they left in the pipes.
    /// Returns the processes still present after it (normally none).
    ///
    /// `childrenBefore` is nil when this process had no child when the run began (a fork server
    /// between cells): every child it has now is then the run's, and the kernel itself can say
    /// that nothing is left (`Subreaper.hasChildren`, `ProcessGroup.exists`), so the common case
    /// needs no `/proc` scan (≈ 1 ms each with 70 processes on the machine, more on a busy host).
    /// Whenever that quick proof fails (a process escaped the group, the group is slow to die),
    /// the thorough loop takes over, exactly as when the caller had children of its own.
    static func cleanUp(
        group: pid_t, parent: pid_t, childrenBefore: Set<pid_t>?, monitor: inout RunMonitor
    ) -> [ProcessTableEntry] {
        let deadline = Deadline(secondsFromNow: 3)
        if childrenBefore == nil, settleWithoutScanning(group: group, monitor: &monitor) {
            monitor.drainRemaining(until: Deadline(secondsFromNow: 1))
            return []
        }
        return cleanUpThoroughly(group: group, parent: parent, childrenBefore: childrenBefore ?? [],
                                 monitor: &monitor, deadline: deadline)
    }

    /// The quick proof that nothing of the run is left, for a caller that had no children before
    /// the run: kill the group while it has members and reap it, until the kernel reports the
    /// group empty (`ESRCH`, zombies count as members) and this process childless (`ECHILD`).
    /// Every process the run started is either in the group or, once its parent died,
    /// re-parented to us (we are its subreaper), so both answers together cover them all.
    ///
    /// Gives up (false) after a short while, or at once when a child outside the group is alive:
    /// finding that one needs `/proc`.
    static func settleWithoutScanning(group: pid_t, monitor: inout RunMonitor) -> Bool {
        let patience = Deadline(secondsFromNow: 0.1)
        var pause = 0.000_05
        while true {
            if ProcessGroup.exists(group) {
                try? ProcessGroup.kill(group)
            }
            monitor.reapGroup()
            if !ProcessGroup.exists(group) {
                // No child existed before the run, so every ended child is the run's to reap.
                Subreaper.reapEnded()
                if !Subreaper.hasChildren() { return true }
                // A live child outside the group (it called setsid or setpgid): only a scan
                // can name it.
                return false
            }
            if patience.hasExpired { return false }
            MonotonicClock.sleep(seconds: pause)
            pause = min(pause * 2, 0.005)
        }
    }

    /// The group first, then anything re-parented to us that left the group (`setsid`,
    /// `setpgid`), repeating until `/proc` shows none, bounded by `deadline`.
    static func cleanUpThoroughly(
        group: pid_t, parent: pid_t, childrenBefore: Set<pid_t>, monitor: inout RunMonitor, deadline: Deadline
    ) -> [ProcessTableEntry] {
        var drained = false
        while true {
            let strays = runMembers(group: group, parent: parent, childrenBefore: childrenBefore)
            // Signal the group only while it has members: once it is empty its number may be
            // reused by an unrelated process.
            if strays.contains(where: { $0.processGroup == group }) {
                try? ProcessGroup.kill(group)
            }
            for stray in strays where stray.processGroup != group && stray.state != "Z" {
                _ = kill(stray.pid, SIGKILL)
            }
            monitor.reapGroup()
            for stray in strays where stray.parentPID == parent {
                var status: Int32 = 0
                _ = waitpid(stray.pid, &status, WNOHANG)
            }
            if !drained {
                // Everyone holding a pipe end is dead or dying: read what they left behind.
                monitor.drainRemaining(until: Deadline(secondsFromNow: min(1, deadline.remainingSeconds ?? 1)))
                drained = true
            }
            let remaining = runMembers(group: group, parent: parent, childrenBefore: childrenBefore)
            if remaining.isEmpty || deadline.hasExpired { return remaining }
            MonotonicClock.sleep(seconds: 0.001)
        }
    }

    /// Processes belonging to the run: in its group, or children of ours that existed not before.
    static func runMembers(group: pid_t, parent: pid_t, childrenBefore: Set<pid_t>) -> [ProcessTableEntry] {
        ProcessTable.members(ofGroup: group, orChildrenOf: parent).filter { info in
            info.pid != parent && !(info.parentPID == parent && childrenBefore.contains(info.pid))
        }
    }

    /// The children this process has before a run, which the run must leave alone; nil when it
    /// has none (the kernel says so without a scan), which lets `cleanUp` skip its scans too.
    static func childrenBeforeRun(parent: pid_t) -> Set<pid_t>? {
        guard Subreaper.hasChildren() else { return nil }
        return Set(ProcessTable.members(ofGroup: nil, orChildrenOf: parent).map(\.pid))
    }
}
