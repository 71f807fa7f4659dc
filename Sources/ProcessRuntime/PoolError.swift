/// Misuse of a `ForkedWorkerPool`, and waits that ran out of time. Each case's `description` is
/// CPython's message and `pythonExceptionType` the exception class, so the engine raises them
/// without a table of its own.
public enum PoolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `Pool(processes=0)`.
    case invalidProcessCount
    /// `Pool(maxtasksperchild=0)`.
    case invalidMaxTasksPerChild
    /// A submission, or `imap`/`map`, on a pool that was closed or terminated.
    case notRunning
    /// `join()` before `close()` or `terminate()`.
    case stillRunning
    /// `AsyncResult.get(timeout)` / `IMapIterator.next(timeout)` ran out of time.
    case timeout
    /// A job id this pool never issued (or one already discarded).
    case unknownJob(Int)
    /// The pool was used from a process other than the one that created it (a forked child
    /// holds a copy of the object but not the workers).
    case notOwner(ownerPID: Int32)

    public var description: String {
        switch self {
        case .invalidProcessCount: "Number of processes must be at least 1"
        case .invalidMaxTasksPerChild: "maxtasksperchild must be a positive int or None"
        case .notRunning: "Pool not running"
        case .stillRunning: "Pool is still running"
        case .timeout: ""
        case let .unknownJob(id): "unknown pool job \(id)"
        case let .notOwner(owner): "the pool belongs to process \(owner) and cannot be used from a child process"
        }
    }

    public var pythonExceptionType: String {
        switch self {
        case .invalidProcessCount, .invalidMaxTasksPerChild, .notRunning, .stillRunning: "ValueError"
        case .timeout: "multiprocessing.context.TimeoutError"
        case .unknownJob, .notOwner: "RuntimeError"
        }
    }
}

/// Why a task (one chunk of a job) did not produce results.
public enum PoolTaskError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The worker's body returned `.failure`: these are its bytes (a serialized exception), to be
    /// re-raised in the parent. For a chunk, the first failing item stops the chunk, as CPython's
    /// `mapstar` does.
    case raised([UInt8])
    /// The worker running the task died (killed by a signal, or exited) before answering.
    /// CPython's `Pool` hangs here; this is loky's / `ProcessPoolExecutor`'s `BrokenProcessPool`.
    case workerDied(pid: Int32, name: String, status: ExitStatus?)
    /// No worker could be started for the task (typically the sandbox's process cap).
    case workerUnavailable(String)
    /// `terminate()` was called before the task finished. (CPython leaves such results
    /// unready forever, so a later `get()` hangs; failing them is kinder and deterministic.)
    case terminated
    /// One chunk, serialized, is larger than the pool's whole task buffer.
    case taskTooLarge(size: Int, capacity: Int)

    public static let brokenPoolMessage =
        "A process in the process pool was terminated abruptly while the future was running or pending."

    /// The Python exception message (for `raised`, the bytes carry their own).
    public var description: String {
        switch self {
        case .raised: "the task raised an exception"
        case .workerDied: Self.brokenPoolMessage
        case let .workerUnavailable(reason): "no pool worker could be started: \(reason)"
        case .terminated: "the pool was terminated before this task finished"
        case let .taskTooLarge(size, capacity):
            "pool task of \(size) bytes does not fit in the pool's task buffer of \(capacity) bytes"
        }
    }

    /// What happened, for logs and the run record (the Python message stays CPython's).
    public var detail: String {
        switch self {
        case .raised: "the task raised an exception"
        case let .workerDied(pid, name, status):
            "worker \(name) (pid \(pid)) " + (status.map { "\($0)" } ?? "ended") + " while running the task"
        case let .workerUnavailable(reason): "no pool worker could be started: \(reason)"
        case .terminated, .taskTooLarge: description
        }
    }

    /// The exception class to raise (not meaningful for `raised`, whose bytes say it).
    public var pythonExceptionType: String {
        switch self {
        case .raised: "Exception"
        case .workerDied: "concurrent.futures.process.BrokenProcessPool"
        case .workerUnavailable: "RuntimeError"
        case .terminated: "RuntimeError"
        case .taskTooLarge: "ValueError"
        }
    }
}
