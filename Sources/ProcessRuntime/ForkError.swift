/// Why a fork was refused or failed.
public enum ForkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The process has this many threads; forking it could deadlock the child.
    case multipleThreads(Int)
    /// `fork(2)` itself failed (e.g. `EAGAIN` at a process limit).
    case system(SystemCallError)

    public var description: String {
        switch self {
        case let .multipleThreads(count):
            "refusing to fork: the process has \(count) threads, and a forked child of a threaded "
                + "process can deadlock on a lock held by another thread; fork only from a "
                + "single-threaded process (start a worker with posix_spawn instead)"
        case let .system(error):
            "fork failed: \(error)"
        }
    }
}
