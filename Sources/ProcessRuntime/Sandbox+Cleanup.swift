#if canImport(Glibc)
import Glibc
#endif

extension Sandbox {
    /// Kills every process of the run and reaps it: the group first, then anything re-parented to
    /// us that left the group (`setsid`, `setpgid`), repeating until `/proc` shows none, bounded
    /// by a short deadline. Returns the processes still present after it (normally none).
    static func cleanUp(
        group: pid_t, parent: pid_t, childrenBefore: Set<pid_t>, monitor: inout RunMonitor
    ) -> [ProcessTableEntry] {
        let deadline = Deadline(secondsFromNow: 3)
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
}
