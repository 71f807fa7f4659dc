import ProcessRuntime
#if canImport(Glibc)
import Glibc
#endif

extension Interpreter {
    /// `start()` under `spawn`: the target and arguments are pickled (so a lambda fails in the
    /// parent, as on macOS), and the child is a fresh interpreter that re-runs the main module
    /// as `__mp_main__` before looking the target up by name. Starting a process while that
    /// re-run is in progress (a missing main guard) fails in the child with CPython's
    /// bootstrapping `RuntimeError`. The child is still made by `fork` (this process is
    /// single-threaded), but it uses none of the parent's Python state.
    func startSpawnedProcess(_ me: PyObject, _ p: MPProcess, _ state: MultiprocessingState) throws {
        let target = try p.target.map { try pickle($0) }
        let args = try p.args.map { try pickle($0) }
        let kwargs = try p.kwargs.map { ($0.0, try pickle($0.1)) }
        var subclass: PickleValue?
        var attributes: [(String, PickleValue)] = []
        if let inst = me as? PyInstance, !(me is MPProcess) {
            subclass = try pickle(inst.cls)
            for (key, value) in inst.attributes.sorted(by: { $0.key < $1.key }) { attributes.append((key, try pickle(value))) }
        }
        let main = try spawnMainModule()
        let parentPID = getpid()
        let name = p.name
        let daemon = p.daemon
        flush()
        do {
            p.child = try ChildProcess.fork(budget: state.budget) { () -> Int32 in
                let child: (interpreter: Interpreter, state: MultiprocessingState, me: MPProcess)
                switch spawnedInterpreter(main, name: name, parentPID: parentPID, daemon: daemon, kind: "process") {
                case .success(let made): child = made
                case .failure(let failure): return failure.exitCode
                }
                let fresh = child.interpreter
                let childState = child.state
                let meFresh = child.me
                let code = fresh.runProcessBody {
                    meFresh.target = try target.map { try fresh.unpickle($0) }
                    meFresh.args = try args.map { try fresh.unpickle($0) }
                    meFresh.kwargs = try kwargs.map { ($0.0, try fresh.unpickle($0.1)) }
                    var runner: PyObject = meFresh
                    if let subclass, let cls = try fresh.unpickle(subclass) as? PyClass {
                        let inst = PyInstance(cls: cls)
                        inst.builtinValue = meFresh
                        for (k, v) in attributes { inst.attributes[k] = try fresh.unpickle(v) }
                        runner = inst
                    }
                    _ = try fresh.callPython(try fresh.getAttribute(runner, "run"), [])
                }
                return fresh.finishChild(meFresh, code: code, childState)
            }
        } catch {
            throw mpError(error)
        }
        state.children.append(p)
    }

    /// The main module's file name and source, which a spawned child re-runs.
    struct SpawnMainModule {
        let fileName: String
        let source: String
    }

    struct SpawnBootstrapFailure: Error {
        let exitCode: Int32
    }

    func spawnMainModule() throws -> SpawnMainModule {
        guard let file = (mainGlobals.values["__file__"] as? PyString)?.value, let lines = sources[file] else {
            throw pythonError("RuntimeError", "the spawn start method needs the main module's source")
        }
        return SpawnMainModule(fileName: file, source: lines.joined(separator: "\n"))
    }

    /// In a freshly forked child: a new interpreter (none of the parent's Python state) that
    /// has re-run the main module as `__mp_main__` in CPython's bootstrapping phase. A failure
    /// there (a missing main guard starting a process) was printed; it gives the exit code.
    func spawnedInterpreter(_ main: SpawnMainModule, name: String, parentPID: pid_t, daemon: Bool, kind: String)
        -> Result<(interpreter: Interpreter, state: MultiprocessingState, me: MPProcess), SpawnBootstrapFailure> {
        stdout.discardBuffered()
        stderr.discardBuffered()
        try? ChildSide.redirectStandardInputToDevNull()
        let fresh = Interpreter(stdout: stdout, stderr: stderr, limits: limits, registry: moduleRegistry)
        fresh.argv = argv
        fresh.mainGlobals.values["__name__"] = PyString("__mp_main__")
        guard let childState = try? fresh.multiprocessingState() else { return .failure(SpawnBootstrapFailure(exitCode: 1)) }
        childState.startMethod = "spawn"
        childState.startMethodWasSet = true
        // Queues, locks and shared values passed to the child are in memory it inherited:
        // CPython sends their handles while spawning; here the child keeps the parent's table.
        if let parentState = try? multiprocessingState() {
            childState.sharedObjects = parentState.sharedObjects
            childState.nextSharedID = parentState.nextSharedID
            childState.managerMade = parentState.managerMade
        }
        let parent = MPProcess(cls: childState.classes.process, name: "MainProcess", parentPID: 0)
        parent.ownPID = parentPID
        parent.kind = "main"
        let me = MPProcess(cls: childState.classes.process, name: name, parentPID: parentPID)
        me.ownPID = getpid()
        me.daemon = daemon
        me.kind = kind
        me.startMethod = "spawn"
        childState.currentProcess = me
        childState.parentProcess = parent
        childState.traceProcess(event: "process_start", me)
        childState.bootstrapping = true
        let outcome = fresh.runModule(source: main.source, fileName: main.fileName)
        childState.bootstrapping = false
        if outcome.exitStatus != 0 {
            fresh.flush()
            return .failure(SpawnBootstrapFailure(exitCode: outcome.exitStatus))
        }
        return .success((fresh, childState, me))
    }
}
