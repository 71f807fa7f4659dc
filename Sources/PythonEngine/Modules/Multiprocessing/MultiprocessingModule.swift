import ProcessRuntime
#if canImport(Glibc)
import Glibc
#endif

// The `multiprocessing` bridge: CPython's API carried out on real processes by ProcessRuntime.
//
// Where to start, by concern:
// - Registration and configuration (start method, process budget, run record):
//   `MultiprocessingConfiguration` (`ModuleRegistry.registeringMultiprocessing`),
//   `MultiprocessingTrace`; per-interpreter state: `MultiprocessingState`.
// - `Process` (fork, `_bootstrap`'s error report, exit codes, names): `MPProcess.swift`;
//   under `spawn` (fresh interpreter re-running the main module): `MPSpawn.swift`.
// - `Pool` and `AsyncResult`/`IMapIterator` over `ForkedWorkerPool`: `MPPool.swift`;
//   `concurrent.futures.ProcessPoolExecutor`: `../ConcurrentFuturesModule.swift`.
// - What crosses between processes: `Interpreter+Pickling.swift` (CPython's refusals via
//   `PicklingRules`, functions and classes by qualified name, shared objects by id).
// - `Queue`/`SimpleQueue`/`JoinableQueue`/`Pipe`: `MPQueues.swift`; `Lock`, `RLock`,
//   `Semaphore`, `Event`, `Condition`, `Barrier`: `MPSynchronization.swift`; `Value`/`Array`:
//   `MPSharedCtypes.swift`; `Manager()`: `MPManager.swift`.
// - Helpers for native classes: `NativeArguments`, `NativeClassBuilder`, `installDunders`.
// - `signal` constants, `pickle` exceptions, `os.kill` limited to the program's own processes:
//   `ProcessSupportModules.swift`.
//
// Every fork goes through `ChildProcess.fork(budget:)`, after flushing the interpreter's
// buffered output; children flush and `_exit`.

extension Interpreter {
    /// `multiprocessing`: CPython's names over the process layer (see `MPProcess`, `MPPool`, ...).
    func makeMultiprocessingModule(_ configuration: MultiprocessingConfiguration) -> PyModule {
        let m = PyModule(name: "multiprocessing")
        let state = MultiprocessingState(configuration: configuration)
        m.dict["__mp_state__"] = state
        // The module is visible while it is being built: classes look the state up through it.
        modules["multiprocessing"] = m

        func exc(_ name: String, _ module: String, _ base: PyClass) -> PyClass { makeExceptionClass(name, module: module, base: base) }
        let processError = exc("ProcessError", "multiprocessing", ExceptionTypes.exception)
        let processClass = makeProcessClass(state)
        let (pool, asyncResult) = makePoolClasses(state)
        let sync = (try? makeSynchronizationClasses(state)) ?? [:]
        let queues = try? makeQueueClasses(state)
        let ctypes = try? makeSharedCtypesClasses(state)
        let placeholder = PyClass(name: "unavailable", bases: [BuiltinTypes.object], module: "multiprocessing")
        state.classes = MultiprocessingClasses(
            process: processClass, pool: pool, asyncResult: asyncResult,
            queue: queues?.queue ?? placeholder, simpleQueue: queues?.simple ?? placeholder,
            joinableQueue: queues?.joinable ?? placeholder, connection: queues?.connection ?? placeholder,
            value: ctypes?.value ?? placeholder, array: ctypes?.array ?? placeholder,
            lock: sync["Lock"] ?? placeholder, rlock: sync["RLock"] ?? placeholder, semaphore: sync["Semaphore"] ?? placeholder,
            boundedSemaphore: sync["BoundedSemaphore"] ?? placeholder, event: sync["Event"] ?? placeholder,
            condition: sync["Condition"] ?? placeholder, barrier: sync["Barrier"] ?? placeholder,
            manager: placeholder, listProxy: placeholder, dictProxy: placeholder, context: placeholder,
            processError: processError,
            timeoutError: exc("TimeoutError", "multiprocessing.context", processError),
            authenticationError: exc("AuthenticationError", "multiprocessing.context", processError),
            bufferTooShort: exc("BufferTooShort", "multiprocessing.context", processError),
            remoteTraceback: exc("RemoteTraceback", "multiprocessing.pool", ExceptionTypes.exception),
            executorRemoteTraceback: exc("_RemoteTraceback", "concurrent.futures.process", ExceptionTypes.exception),
            maybeEncodingError: exc("MaybeEncodingError", "multiprocessing.pool", ExceptionTypes.exception),
            picklingError: exc("PicklingError", "_pickle", exc("PickleError", "_pickle", ExceptionTypes.exception)),
            unpicklingError: exc("UnpicklingError", "_pickle", ExceptionTypes.exception),
            queueEmpty: exc("Empty", "_queue", ExceptionTypes.exception),
            queueFull: exc("Full", "queue", ExceptionTypes.exception),
            brokenBarrierError: exc("BrokenBarrierError", "threading", ExceptionTypes.runtimeError),
            brokenProcessPool: exc("BrokenProcessPool", "concurrent.futures.process",
                                   exc("BrokenExecutor", "concurrent.futures", ExceptionTypes.runtimeError)))
        let main = MPProcess(cls: processClass, name: "MainProcess", parentPID: getppid())
        main.ownPID = getpid()
        main.kind = "main"
        main.startMethod = state.startMethod
        state.currentProcess = main
        if let managerClasses = try? makeManagerClasses(state) {
            state.classes.manager = managerClasses.manager
            state.classes.listProxy = managerClasses.list
            state.classes.dictProxy = managerClasses.dict
        }
        fillMultiprocessingNamespace(m.dict, state) { m.dict[$0] = $1 }
        let context = makeContextClass(state)
        state.classes.context = context
        m.dict["get_context"] = native("get_context") { interp, args in
            let a = try NativeArguments(interp, args, function: "get_context", parameters: ["method"])
            let method = try a["method"].map { try interp.str($0) } ?? state.startMethod
            guard ["fork", "spawn", "forkserver"].contains(method) else { throw interp.valueError("cannot find context for '\(method)'") }
            if method == "forkserver" {
                throw interp.valueError("the 'forkserver' start method is not supported by this engine (use 'fork' or 'spawn')")
            }
            let ctx = PyInstance(cls: context)
            ctx.attributes["_name"] = PyString(method)
            return ctx
        }
        return m
    }

    /// The names a context and the module share (`Process`, `Pool`, `Queue`, ...).
    func fillMultiprocessingNamespace(_ existing: [String: PyObject], _ state: MultiprocessingState, _ set: (String, PyObject) -> Void) {
        let c = state.classes!
        for (name, cls) in [("Process", c.process), ("Pool", c.pool), ("Queue", c.queue), ("SimpleQueue", c.simpleQueue),
                            ("JoinableQueue", c.joinableQueue), ("Value", c.value), ("Array", c.array), ("Lock", c.lock),
                            ("RLock", c.rlock), ("Semaphore", c.semaphore), ("BoundedSemaphore", c.boundedSemaphore),
                            ("Event", c.event), ("Condition", c.condition), ("Barrier", c.barrier), ("Manager", c.manager),
                            ("ProcessError", c.processError), ("TimeoutError", c.timeoutError),
                            ("AuthenticationError", c.authenticationError), ("BufferTooShort", c.bufferTooShort)] {
            set(name, cls)
        }
        set("current_process", native("current_process") { _, _ in state.currentProcess.pythonObject ?? state.currentProcess })
        set("parent_process", native("parent_process") { _, _ in state.parentProcess ?? PyNone.shared })
        set("active_children", native("active_children") { interp, _ in
            interp.reapFinishedChildren(state)
            return PyList(state.children.map { $0.pythonObject ?? $0 })
        })
        set("cpu_count", native("cpu_count") { interp, _ in PyInt.make(interp.cpuCount(state)) })
        set("Pipe", native("Pipe") { interp, args in
            let a = try NativeArguments(interp, args, function: "Pipe", parameters: ["duplex"])
            do { return try interp.makePipe(state, duplex: try interp.boolValue(a.raw("duplex"), default: true)) } catch { throw interp.mpError(error) }
        })
        set("freeze_support", native("freeze_support") { _, _ in PyNone.shared })
        set("get_start_method", native("get_start_method") { interp, args in
            let a = try NativeArguments(interp, args, function: "get_start_method", parameters: ["allow_none"])
            if try interp.boolValue(a.raw("allow_none"), default: false) && !state.startMethodWasSet { return PyNone.shared }
            return PyString(state.startMethod)
        })
        set("get_all_start_methods", native("get_all_start_methods") { _, _ in PyList([PyString("fork"), PyString("spawn")]) })
        set("set_start_method", native("set_start_method") { interp, args in
            let a = try NativeArguments(interp, args, function: "set_start_method", parameters: ["method", "force"])
            let force = try interp.boolValue(a.raw("force"), default: false)
            if state.startMethodWasSet && !force { throw interp.pythonError("RuntimeError", "context has already been set") }
            guard let methodObject = a["method"] else {
                state.startMethodWasSet = false
                return PyNone.shared
            }
            let method = try interp.str(methodObject)
            guard ["fork", "spawn"].contains(method) else {
                if method == "forkserver" { throw interp.valueError("the 'forkserver' start method is not supported by this engine (use 'fork' or 'spawn')") }
                throw interp.valueError("cannot find context for '\(method)'")
            }
            state.startMethod = method
            state.startMethodWasSet = true
            return PyNone.shared
        })
    }

    /// `get_context(method)`: an object with the module's API whose processes and pools use
    /// `method`. Implemented by switching the start method around each call.
    func makeContextClass(_ state: MultiprocessingState) -> PyClass {
        let cls = makeNativeClass(name: "Context", module: "multiprocessing.context", constructor: nil, methods: [:])
        var names: [(String, PyObject)] = []
        fillMultiprocessingNamespace([:], state) { names.append(($0, $1)) }
        for (name, value) in names {
            cls.dict[name] = PyNativeFunction(name, owner: "Context", isMethod: true) { interp, args in
                var a = args
                let me = a.positional.removeFirst()
                let method = ((me as? PyInstance)?.attributes["_name"] as? PyString)?.value ?? state.startMethod
                if name == "get_start_method" { return PyString(method) }
                if name == "set_start_method" { throw interp.pythonError("RuntimeError", "context has already been set") }
                let saved = state.startMethod
                state.startMethod = method
                defer { state.startMethod = saved }
                let made = try interp.call(value, a)
                // A context's Process class is `ForkProcess`/`SpawnProcess`: its default names too.
                if name == "Process", let p = made as? MPProcess {
                    p.className = method == "spawn" ? "SpawnProcess" : "ForkProcess"
                    p.startMethodFixed = true
                }
                return made
            }
        }
        return cls
    }

    /// `multiprocessing.pool`, `multiprocessing.context`, ...: views of the main module's names.
    func makeMultiprocessingSubmodule(_ name: String) throws -> PyModule {
        let main = try importModule("multiprocessing")
        let state = try multiprocessingState()
        let m = PyModule(name: "multiprocessing.\(name)")
        let c = state.classes!
        switch name {
        case "pool":
            m.dict["Pool"] = c.pool
            m.dict["ThreadPool"] = native("ThreadPool") { interp, _ in
                throw interp.pythonError("NotImplementedError",
                                         "ThreadPool is not supported by this Python engine (it runs one thread so that it can fork); use Pool")
            }
            m.dict["AsyncResult"] = c.asyncResult
            m.dict["ApplyResult"] = c.asyncResult
            m.dict["RemoteTraceback"] = c.remoteTraceback
            m.dict["MaybeEncodingError"] = c.maybeEncodingError
            m.dict["TimeoutError"] = c.timeoutError
        case "context":
            for (k, v) in main.dict where k != "__mp_state__" { m.dict[k] = v }
        case "process":
            m.dict["BaseProcess"] = c.process
            m.dict["current_process"] = main.dict["current_process"]
            m.dict["parent_process"] = main.dict["parent_process"]
            m.dict["active_children"] = main.dict["active_children"]
        case "managers":
            m.dict["SyncManager"] = c.manager
            m.dict["ListProxy"] = c.listProxy
            m.dict["DictProxy"] = c.dictProxy
        case "queues":
            m.dict["Queue"] = c.queue
            m.dict["SimpleQueue"] = c.simpleQueue
            m.dict["JoinableQueue"] = c.joinableQueue
        case "sharedctypes":
            m.dict["Value"] = c.value
            m.dict["Array"] = c.array
        default:
            break
        }
        main.dict[name] = m
        return m
    }

    /// `queue`: the exceptions a `multiprocessing.Queue` raises (`queue.Empty`, `queue.Full`).
    func makeQueueModule() -> PyModule {
        let m = PyModule(name: "queue")
        if let state = try? multiprocessingState() {
            m.dict["Empty"] = state.classes.queueEmpty
            m.dict["Full"] = state.classes.queueFull
        }
        return m
    }
}
