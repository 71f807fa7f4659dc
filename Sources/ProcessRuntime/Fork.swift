#if canImport(Glibc)
import Glibc
#endif

/// Which side of a `fork` the caller is on.
public enum ForkResult: Equatable, Sendable {
    /// In the new child process.
    case child
    /// In the parent; the child's pid.
    case parent(child: pid_t)
}

/// The only way this package forks: after checking the process is single-threaded.
public enum Fork {
    /// Forks the calling process.
    ///
    /// Refuses with `ForkError.multipleThreads` when more than one thread is running. Flushes
    /// every stdio stream first, so text buffered before the fork is not printed twice (once by
    /// each process) when both later flush.
    public static func fork() throws -> ForkResult {
        try ThreadCheck.requireSingleThreaded()
        fflush(nil)
        let pid = Glibc.fork()
        switch pid {
        case -1: throw ForkError.system(.lastError("fork"))
        case 0: return .child
        default: return .parent(child: pid)
        }
    }
}
