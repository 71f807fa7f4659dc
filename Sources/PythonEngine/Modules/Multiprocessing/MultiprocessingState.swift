import ProcessRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Per-interpreter state of the `multiprocessing` bridge, kept in the module (so `concurrent.futures`
/// finds the same counter and classes). After a fork the child's copy is reset for the child
/// (`becomeChild`): it has no children of its own and a new current process.
final class MultiprocessingState: PyObject, @unchecked Sendable {
    /// Set when the module is built; replaced once when a module prepared in a fork server is
    /// adopted by a run (`PreparedMultiprocessing.adopt`).
    var configuration: MultiprocessingConfiguration
    /// `set_start_method` / the configuration's default.
    var startMethod: String
    var startMethodWasSet = false
    /// CPython's `_process_counter`: `Process-N` and `ForkPoolWorker-N` draw from it.
    var identityCounter = 0
    /// What `current_process()` returns. Set while the module is built, before any Python code
    /// can reach it (the classes' closures need the state object first, hence the `!`).
    var currentProcess: MPProcess!
    /// `parent_process()`: nil in the main process.
    var parentProcess: MPProcess?
    /// Started children not yet known to have ended (for `active_children()`).
    var children: [MPProcess] = []
    /// Pools this process created (terminated at exit if still running).
    var pools: [MPPool] = []
    /// Set in a spawned child while it re-runs the main module (CPython's bootstrapping phase).
    var bootstrapping = false
    /// Shared objects by id, so a Queue/Lock/proxy passed to a pool task is found again in the
    /// worker (which inherited it at fork).
    var sharedObjects: [Int: PyObject] = [:]
    var nextSharedID = 1
    /// Ids of shared objects made by a `Manager` (proxies in CPython): unlike a plain `Queue`
    /// or `Lock`, they may be passed to pool tasks.
    var managerMade: Set<Int> = []
    /// Set while pickling a pool task: CPython refuses queues, locks and shared ctypes there
    /// ("... objects should only be shared between processes through inheritance").
    var picklingPoolTask = false
    /// The classes and exception types, built once per interpreter, set with `currentProcess`.
    var classes: MultiprocessingClasses!

    init(configuration: MultiprocessingConfiguration) {
        self.configuration = configuration
        self.startMethod = configuration.startMethod
    }

    var budget: ProcessBudget? { configuration.budget }
    var trace: MultiprocessingTrace? { configuration.trace }

    func nextIdentity() -> Int {
        identityCounter += 1
        return identityCounter
    }

    func register(shared object: PyObject) -> Int {
        let id = nextSharedID
        nextSharedID += 1
        sharedObjects[id] = object
        return id
    }

    /// In a freshly forked child: `me` is now the current process, the former current process
    /// its parent, and the parent's children are not ours. CPython resets the counter too
    /// (a child's own children are `Process-N:1`, ...); names of grandchildren keep the simpler
    /// `Process-N` form here.
    func becomeChild(_ me: MPProcess) {
        parentProcess = currentProcess
        currentProcess = me
        children = []
    }

    func traceProcess(event: String, _ p: MPProcess, exitCode: Int32? = nil) {
        guard let trace else { return }
        trace.record([
            ("event", .string(event)),
            ("pid", .int(Int(p.pid ?? getpid()))),
            ("parent", .int(Int(p.parentPID))),
            ("name", .string(p.name)),
            ("kind", .string(p.kind)),
            ("start_method", .string(p.startMethod)),
            ("exitcode", exitCode.map { .int(Int($0)) } ?? .null),
            ("time", .double(wallClockSeconds())),
        ])
    }
}

/// The Python-visible classes and exception types of the bridge.
struct MultiprocessingClasses {
    var process: PyClass
    var pool: PyClass
    var asyncResult: PyClass
    var queue: PyClass
    var simpleQueue: PyClass
    var joinableQueue: PyClass
    var connection: PyClass
    var value: PyClass
    var array: PyClass
    var lock: PyClass
    var rlock: PyClass
    var semaphore: PyClass
    var boundedSemaphore: PyClass
    var event: PyClass
    var condition: PyClass
    var barrier: PyClass
    var manager: PyClass
    var listProxy: PyClass
    var dictProxy: PyClass
    var context: PyClass
    // Exceptions
    var processError: PyClass
    var timeoutError: PyClass
    var authenticationError: PyClass
    var bufferTooShort: PyClass
    var remoteTraceback: PyClass
    /// `concurrent.futures.process._RemoteTraceback`, the executor's version.
    var executorRemoteTraceback: PyClass
    var maybeEncodingError: PyClass
    var picklingError: PyClass
    var unpicklingError: PyClass
    var queueEmpty: PyClass
    var queueFull: PyClass
    var brokenBarrierError: PyClass
    var brokenProcessPool: PyClass
}

extension Interpreter {
    /// The bridge's state; built on first import of `multiprocessing`.
    func multiprocessingState() throws -> MultiprocessingState {
        let module = try importModule("multiprocessing")
        guard let state = module.dict["__mp_state__"] as? MultiprocessingState else {
            throw pythonError("RuntimeError", "multiprocessing state is missing")
        }
        return state
    }

    /// An exception class outside `builtins` (e.g. `_pickle.PicklingError`), printed in
    /// tracebacks with its module as CPython prints it.
    func makeExceptionClass(_ name: String, module: String, base: PyClass) -> PyClass {
        PyClass(name: name, bases: [base], module: module)
    }

    /// Converts a failure of the process layer into the Python exception CPython raises.
    func mpError(_ error: Error) -> Error {
        if error is PyError || error is EngineLimitError { return error }
        let state = try? multiprocessingState()
        func raise(_ typeName: String, _ message: String) -> PyError {
            if let classes = state?.classes {
                switch typeName {
                case "multiprocessing.context.TimeoutError": return errorWithOptionalMessage(classes.timeoutError, message)
                case "_queue.Empty": return errorWithOptionalMessage(classes.queueEmpty, message)
                case "queue.Full": return errorWithOptionalMessage(classes.queueFull, message)
                case "threading.BrokenBarrierError": return errorWithOptionalMessage(classes.brokenBarrierError, message)
                case "concurrent.futures.process.BrokenProcessPool": return errorWithOptionalMessage(classes.brokenProcessPool, message)
                default: break
                }
            }
            return pythonError(typeName, message)
        }
        switch error {
        case let e as PoolError: return raise(e.pythonExceptionType, e.description)
        case let e as PoolTaskError: return raise(e.pythonExceptionType, e.description)
        case let e as ProcessQueueError: return raise(e.pythonExceptionType, e.description)
        case let e as SynchronizationError: return raise(e.pythonExceptionType, e.description)
        case let e as ProcessLimitError: return raise("RuntimeError", e.description)
        case let e as PickleError: return raise(e.pythonExceptionType == "RecursionError" ? "RecursionError" : "RuntimeError", e.description)
        default: return raise("OSError", "\(error)")
        }
    }

    func errorWithOptionalMessage(_ cls: PyClass, _ message: String) -> PyError {
        PyError(exception: newException(cls, message.isEmpty ? [] : [PyString(message)]))
    }
}
