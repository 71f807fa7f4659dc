#if canImport(Glibc)
import Glibc
#endif

/// Process groups: the unit the sandbox kills, so that one signal reaches every process a run
/// started, however deep.
public enum ProcessGroup {
    /// Puts `pid` (0: the caller) into group `group` (0: a new group named after `pid`).
    /// Both parent and child call it after a fork, so neither can act on the group before it
    /// exists. `EACCES` (the child already exec'd) and `ESRCH` (already gone) are ignored.
    public static func setGroup(of pid: pid_t = 0, to group: pid_t = 0) throws {
        if setpgid(pid, group) == -1 && errno != EACCES && errno != ESRCH {
            throw SystemCallError.lastError("setpgid(\(pid), \(group))")
        }
    }

    /// The group of `pid` (0: the caller).
    public static func group(of pid: pid_t = 0) -> pid_t {
        getpgid(pid)
    }

    /// Sends `signal` to every process in `group`. A group that no longer exists is not an error.
    public static func signal(_ group: pid_t, _ signal: Int32) throws {
        guard group > 1 else { throw SystemCallError("killpg(\(group))", code: EINVAL) }
        if killpg(group, signal) == -1 && errno != ESRCH {
            throw SystemCallError.lastError("killpg(\(group), \(signal))")
        }
    }

    /// `SIGKILL` to the whole group.
    public static func kill(_ group: pid_t) throws {
        try signal(group, SIGKILL)
    }

    /// Whether any process, a zombie included, still belongs to `group` (`kill(-group, 0)`).
    /// A group with a member cannot have its number reused, so signalling it right after a true
    /// answer reaches only the run's processes.
    public static func exists(_ group: pid_t) -> Bool {
        guard group > 1 else { return false }
        // EPERM means a member exists that we may not signal: it exists all the same.
        return Glibc.kill(-group, 0) == 0 || errno != ESRCH
    }
}
