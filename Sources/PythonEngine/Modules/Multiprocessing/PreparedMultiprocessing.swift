#if canImport(Glibc)
import Glibc
#endif

/// The `multiprocessing` module built once in a fork server, before it forks the processes that
/// run code, and handed to the first interpreter that imports it in each forked run.
///
/// Building the module means building every class table of the bridge (`Process`, `Pool`,
/// `Queue`, the locks, the manager's proxies, their special methods compiled from Python
/// wrappers): ≈ 10 M instructions, ≈ 1 ms per run that imports it. A forked child gets a
/// copy-on-write copy of the module as the fork server built it, still untouched, and only has
/// to point it at its own run (`adopt`): the run's process budget and trace, and its own pids
/// for `current_process()`.
///
/// A module holds per-run state (children, pools, counters, shared objects), so it is adopted at
/// most once per copy: after that (a second interpreter in the same process, such as a `spawn`
/// child's fresh interpreter, or the fork server itself running code), `adopt` returns nil and
/// the caller builds a fresh module as it would without preparation.
final class PreparedMultiprocessing: @unchecked Sendable {
    private let module: PyModule
    private let state: MultiprocessingState
    private var adopted = false

    /// Builds the module with a scratch interpreter (the module keeps no reference to it: the
    /// classes' methods receive the interpreter that calls them).
    init?() {
        let scratch = Interpreter(stdout: OutputSink(.capture), stderr: OutputSink(.capture), registry: .standard)
        let module = scratch.makeMultiprocessingModule(MultiprocessingConfiguration())
        guard let state = module.dict["__mp_state__"] as? MultiprocessingState, state.currentProcess != nil else { return nil }
        self.module = module
        self.state = state
    }

    /// The prepared module for a run with `configuration`, or nil once this copy was adopted.
    func adopt(_ configuration: MultiprocessingConfiguration) -> PyModule? {
        guard !adopted else { return nil }
        adopted = true
        state.configuration = configuration
        state.startMethod = configuration.startMethod
        // `MainProcess` as `makeMultiprocessingModule` describes it, seen from this process.
        let main: MPProcess = state.currentProcess
        main.ownPID = getpid()
        main.parentPID = getppid()
        main.startMethod = configuration.startMethod
        return module
    }
}
