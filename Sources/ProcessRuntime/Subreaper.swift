#if canImport(Glibc)
import Glibc
#endif

/// Makes the calling process the "subreaper" of its descendants: when a process in the subtree
/// dies, its orphaned children are re-parented here rather than to init, so the sandbox can still
/// find, kill and reap a grandchild whose parent exited (`PR_SET_CHILD_SUBREAPER`).
public enum Subreaper {
    /// Marks the calling process as a child subreaper. The mark lasts for the process's life and
    /// is not inherited by children.
    public static func enable() throws {
        try LinuxCalls.prctl(LinuxCalls.prSetChildSubreaper, 1)
    }

    /// Reaps every child that has already ended, without waiting. Returns their pids and
    /// statuses. Reaps only members of `group` when given (so unrelated children are left to
    /// their owners).
    @discardableResult
    public static func reapEnded(group: pid_t? = nil) -> [(pid: pid_t, status: ExitStatus)] {
        var reaped: [(pid_t, ExitStatus)] = []
        var status: Int32 = 0
        while true {
            let pid = waitpid(group.map { -$0 } ?? -1, &status, WNOHANG)
            if pid > 0 {
                reaped.append((pid, ExitStatus(waitStatus: status)))
                continue
            }
            if pid == -1 && errno == EINTR { continue }
            return reaped
        }
    }

    /// Whether this process has any child at all, running, stopped or ended but not yet reaped.
    /// Reaps nothing (`waitid` with `WNOWAIT`), so a child owned by other code keeps its status.
    ///
    /// `ECHILD` is the kernel's own word that the child list is empty; this is how the sandbox
    /// proves a run left nothing behind without scanning `/proc` (see `Sandbox+Cleanup.swift`).
    public static func hasChildren() -> Bool {
        var info = siginfo_t()
        while true {
            if waitid(P_ALL, 0, &info, WEXITED | WSTOPPED | WCONTINUED | WNOHANG | WNOWAIT) == 0 { return true }
            if errno == EINTR { continue }
            // ECHILD: none. Any other error (EINVAL cannot happen with these flags) is treated as
            // "maybe", which sends the caller down its thorough path.
            return errno != ECHILD
        }
    }
}
