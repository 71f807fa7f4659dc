#if canImport(Glibc)
import Glibc
#endif

/// A polite way to stop a fork server mid-job without a signal handler (which would need global
/// state): `SIGTERM` is blocked while a job runs, the sandbox notices it pending and cleans up
/// the run (killing and reaping its whole process group), and once the job is over the signal
/// is unblocked and ends the process. `SIGKILL` would instead leave the run's processes behind.
public enum TerminationRequest {
    /// Blocks `SIGTERM` for the calling thread (the whole process, when single-threaded).
    public static func block() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Unblocks `SIGTERM`; one that arrived meanwhile is delivered now (and by default ends the
    /// process).
    public static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// True when a `SIGTERM` is waiting (only possible while it is blocked).
    public static var isPending: Bool {
        var pending = sigset_t()
        sigemptyset(&pending)
        sigpending(&pending)
        return sigismember(&pending, SIGTERM) == 1
    }
}
