import Synchronization

/// Runs a body once per process, whichever thread gets there first; a thread that arrives while
/// it runs waits for it to finish.
///
/// Why: a few modules put their methods on classes shared by every interpreter in the process
/// (`random.Random`, `collections.Counter`, `functools._lru_cache_wrapper`). Interpreters on
/// different threads — parallel tests, a fork server's prepared engine beside a test — import
/// those modules at the same moment, and writing a class's method table from two threads at once
/// corrupts it.
final class OncePerProcess: Sendable {
    private let done = Mutex(false)

    func run(_ body: () -> Void) {
        done.withLock { done in
            guard !done else { return }
            body()
            done = true
        }
    }
}
