import ProcessRuntime
#if canImport(Glibc)
import Glibc
#endif

/// A `multiprocessing.Process`: the Python object (or, for a user subclass, the native value
/// kept in the instance's `builtinValue`) holding the target and the started child.
final class MPProcess: PyInstance, @unchecked Sendable {
    var target: PyObject?
    var args: [PyObject] = []
    var kwargs: [(String, PyObject)] = []
    /// The name given explicitly (`name=` or assignment); otherwise CPython's default,
    /// `<class name>-<identity>` (`Process-1`, `Worker-2` for a subclass `Worker`).
    var explicitName: String?
    var identity: Int
    /// `type(self).__name__` of the Python object (a subclass's name once it is known).
    var className = "Process"
    var name: String {
        get { explicitName ?? "\(className)-\(identity)" }
        set { explicitName = newValue }
    }
    var daemon = false
    /// `process` for a `Process`, `main` for `MainProcess`, `pool worker`, `executor worker`.
    var kind = "process"
    var startMethod = "fork"
    /// A context's `Process` keeps its context's start method; a plain `Process` uses the one
    /// in force when `start()` runs, as CPython resolves its default context then.
    var startMethodFixed = false
    /// Pid of the process that created the object (only it may start/join it).
    var parentPID: pid_t
    var child: ChildProcess?
    /// Set for `current_process()` objects that describe the running process itself.
    var ownPID: pid_t?
    var closed = false
    var endTraced = false
    /// The subclass instance this is the native value of (what `current_process()` returns in
    /// its child).
    weak var pythonObject: PyInstance?

    init(cls: PyClass, name: String?, identity: Int = 0, parentPID: pid_t) {
        self.explicitName = name
        self.identity = identity
        self.parentPID = parentPID
        super.init(cls: cls)
    }

    var pid: pid_t? { ownPID ?? child?.pid }

    /// Python's `exitcode`, reaping the child if it has ended.
    func pollExitCode() -> Int32? {
        guard let child else { return nil }
        return (try? child.tryWait())?.pythonExitCode
    }
}

extension Interpreter {
    /// The native value behind a `Process` (or subclass instance).
    func processValue(_ o: PyObject?) throws -> MPProcess {
        if let p = o as? MPProcess { return p }
        if let inst = o as? PyInstance, let p = inst.builtinValue as? MPProcess {
            p.className = inst.cls.name
            p.pythonObject = inst
            return p
        }
        throw typeError("descriptor requires a 'multiprocessing.process.BaseProcess' object")
    }

    func makeProcessClass(_ state: MultiprocessingState) -> PyClass {
        let cls = makeNativeClass(name: "Process", module: "multiprocessing.context", constructor: nil, methods: [:])
        cls.qualifiedName = "Process"
        let initParameters = ["group", "target", "name", "args", "kwargs", "daemon"]
        func configure(_ interp: Interpreter, _ p: MPProcess, _ a: NativeArguments) throws {
            if let g = a["group"] { _ = g; throw interp.pythonError("AssertionError", "group argument must be None for now") }
            p.target = a["target"]
            if let args = a["args"] { p.args = try interp.iterateToArray(args) }
            if let kw = a["kwargs"] {
                guard let d = kw as? PyDict else { throw interp.typeError("argument after ** must be a mapping, not \(interp.typeName(kw))") }
                p.kwargs = try interp.dictKeys(d).map { k in
                    guard let s = k as? PyString else { throw interp.typeError("keywords must be strings") }
                    return (s.value, try interp.dictGet(d, k) ?? PyNone.shared)
                }
            }
            if let n = a["name"] { p.name = try interp.str(n) }
            if let d = a["daemon"] { p.daemon = try interp.truthy(d) } else { p.daemon = state.currentProcess?.daemon ?? false }
        }
        func fresh() -> MPProcess {
            let p = MPProcess(cls: cls, name: nil, identity: state.nextIdentity(), parentPID: getpid())
            p.startMethod = state.startMethod
            return p
        }
        cls.constructor = { interp, args in
            let a = try NativeArguments(interp, args, function: "Process.__init__", parameters: initParameters)
            let p = fresh()
            try configure(interp, p, a)
            return p
        }
        func method(_ name: String, _ parameters: [String] = [], _ body: @escaping (Interpreter, PyObject, MPProcess, NativeArguments) throws -> PyObject) {
            cls.dict[name] = PyNativeFunction(name, owner: "Process", isMethod: true) { interp, args in
                let a = try NativeArguments(interp, args, function: name, parameters: parameters, dropSelf: true)
                guard let me = a.selfObject else { throw interp.typeError("\(name)() needs a Process") }
                return try body(interp, me, try interp.processValue(me), a)
            }
        }
        // A subclass's `__init__` calling `super().__init__(...)` configures the native value
        // made for it (with no arguments) when the instance was created.
        method("__init__", initParameters) { interp, me, p, a in
            p.className = me.pyClass.name
            try configure(interp, p, a)
            return PyNone.shared
        }
        method("run") { interp, _, p, _ in
            guard let target = p.target else { return PyNone.shared }
            return try interp.callPython(target, p.args, keywords: p.kwargs)
        }
        method("start") { interp, me, p, _ in
            try interp.startProcess(me, p, state)
            return PyNone.shared
        }
        method("join", ["timeout"]) { interp, _, p, a in
            try interp.checkClosed(p)
            guard p.parentPID == getpid() else { throw interp.pythonError("AssertionError", "can only join a child process") }
            guard let child = p.child else { throw interp.pythonError("AssertionError", "can only join a started process") }
            var ended: ExitStatus?
            try interp.waitWithinLimit(try interp.timeoutValue(a["timeout"]), what: "Process.join") { timeout in
                ended = try child.wait(timeout: timeout)
                return ended != nil
            }
            if let status = ended {
                state.children.removeAll { $0 === p }
                interp.noteEnded(p, status.pythonExitCode, state)
            }
            return PyNone.shared
        }
        method("is_alive") { interp, _, p, _ in
            try interp.checkClosed(p)
            if p === state.currentProcess { return PyBool.trueValue }
            guard p.child != nil else { return PyBool.falseValue }
            if let code = p.pollExitCode() {
                state.children.removeAll { $0 === p }
                interp.noteEnded(p, code, state)
                return PyBool.falseValue
            }
            return PyBool.trueValue
        }
        method("terminate") { interp, _, p, _ in
            try interp.checkClosed(p)
            try p.child?.terminate()
            return PyNone.shared
        }
        method("kill") { interp, _, p, _ in
            try interp.checkClosed(p)
            try p.child?.kill()
            return PyNone.shared
        }
        method("close") { interp, _, p, _ in
            if p.child != nil, p.pollExitCode() == nil {
                throw interp.valueError("Cannot close a process while it is still running. You should first call join() or terminate().")
            }
            p.closed = true
            return PyNone.shared
        }
        try? installDunders(on: cls, ["__repr__": { interp, args in
            let me = args.positional.first ?? PyNone.shared
            return PyString(try interp.processRepr(me, try interp.processValue(me), state))
        }])
        func property(_ name: String, get: @escaping (Interpreter, MPProcess) throws -> PyObject,
                      set: ((Interpreter, MPProcess, PyObject) throws -> Void)? = nil) {
            let getter = PyNativeFunction(name) { interp, args in try get(interp, try interp.processValue(args.positional.first)) }
            let setter = set.map { s in
                PyNativeFunction(name) { interp, args in
                    try s(interp, try interp.processValue(args.positional.first), args.positional.count > 1 ? args.positional[1] : PyNone.shared)
                    return PyNone.shared
                }
            }
            cls.dict[name] = PyProperty(getter: getter, setter: setter, deleter: nil)
        }
        property("name", get: { _, p in PyString(p.name) }, set: { interp, p, v in
            guard let s = v as? PyString else { throw interp.pythonError("AssertionError", "name must be a string") }
            p.name = s.value
        })
        property("daemon", get: { _, p in PyBool.of(p.daemon) }, set: { interp, p, v in
            guard p.child == nil else { throw interp.pythonError("AssertionError", "process has already started") }
            p.daemon = try interp.truthy(v)
        })
        let pidGetter: (Interpreter, MPProcess) throws -> PyObject = { interp, p in
            try interp.checkClosed(p)
            return p.pid.map { PyInt.make(Int($0)) } ?? PyNone.shared
        }
        property("pid", get: pidGetter)
        property("ident", get: pidGetter)
        property("exitcode", get: { interp, p in
            try interp.checkClosed(p)
            guard let code = p.pollExitCode() else { return PyNone.shared }
            return PyInt.make(Int(code))
        })
        property("authkey", get: { _, _ in PyBytes(Array("grader-authkey".utf8)) })
        property("sentinel", get: { interp, p in
            try interp.checkClosed(p)
            guard let pid = p.pid else { throw interp.valueError("process not started") }
            return PyInt.make(Int(pid))
        })
        return cls
    }

    func checkClosed(_ p: MPProcess) throws {
        if p.closed { throw valueError("process object is closed") }
    }

    func noteEnded(_ p: MPProcess, _ code: Int32, _ state: MultiprocessingState) {
        guard !p.endTraced else { return }
        p.endTraced = true
        state.traceProcess(event: "process_end", p, exitCode: code)
    }

    func processRepr(_ me: PyObject, _ p: MPProcess, _ state: MultiprocessingState) throws -> String {
        var exitcode: Int32?
        let status: String
        if p === state.currentProcess {
            status = "started"
        } else if p.closed {
            status = "closed"
        } else if p.parentPID != getpid() {
            status = "unknown"
        } else if p.child == nil {
            status = "initial"
        } else if let code = p.pollExitCode() {
            exitcode = code
            status = "stopped"
        } else {
            status = "started"
        }
        let typeName: String
        switch p.kind {
        case "main": typeName = "_MainProcess"
        case "pool worker": typeName = p.startMethod == "spawn" ? "SpawnProcess" : "ForkProcess"
        default: typeName = p.className
        }
        var info = [typeName, "name=\(try repr(PyString(p.name)))"]
        if let child = p.child { info.append("pid=\(child.pid)") }
        info.append(p.kind == "main" ? "parent=None" : "parent=\(p.parentPID)")
        info.append(status)
        if let code = exitcode {
            info.append("exitcode=" + (code < 0 ? SignalName.name(of: -code) : String(code)))
        }
        if p.daemon { info.append("daemon") }
        return "<" + info.joined(separator: " ") + ">"
    }

    /// `start()`: forks under the run's process budget. The child runs `run()` (the object's,
    /// so subclasses' overrides apply), reports an uncaught exception as CPython's `_bootstrap`
    /// does, joins its own children, flushes and `_exit`s.
    func startProcess(_ me: PyObject, _ p: MPProcess, _ state: MultiprocessingState) throws {
        try checkClosed(p)
        guard p.child == nil else { throw pythonError("AssertionError", "cannot start a process twice") }
        guard p.parentPID == getpid() else { throw pythonError("AssertionError", "can only start a process object created by current process") }
        if state.currentProcess.daemon {
            throw pythonError("AssertionError", "daemonic processes are not allowed to have children")
        }
        if state.bootstrapping { throw bootstrappingError() }
        reapFinishedChildren(state)
        if !p.startMethodFixed { p.startMethod = state.startMethod }
        if p.startMethod == "spawn" {
            try startSpawnedProcess(me, p, state)
            return
        }
        flush()
        do {
            p.child = try ChildProcess.fork(budget: state.budget) { () -> Int32 in
                stdout.discardBuffered()
                stderr.discardBuffered()
                p.ownPID = getpid()
                state.becomeChild(p)
                afterForkInChild()
                try? ChildSide.redirectStandardInputToDevNull()
                state.traceProcess(event: "process_start", p)
                let code = runProcessBody {
                    let run = try getAttribute(me, "run")
                    _ = try callPython(run, [])
                }
                let final = finishChild(p, code: code, state)
                return final
            }
        } catch {
            throw mpError(error)
        }
        state.children.append(p)
    }

    /// Runs a child's work as CPython's `BaseProcess._bootstrap` does; returns the exit code.
    func runProcessBody(_ body: () throws -> Void) -> Int32 {
        do {
            try body()
            return 0
        } catch let e as PyError {
            return childExitCode(for: e.exception, processName: (try? multiprocessingState())?.currentProcess.name ?? "Process")
        } catch let e as EngineLimitError {
            try? stderr.write("grader: execution stopped: \(e.message)\n")
            return 1
        } catch {
            try? stderr.write("grader: internal error: \(error)\n")
            return 1
        }
    }

    func childExitCode(for exc: PyExceptionObject, processName: String) -> Int32 {
        if exc.cls.isSubclass(of: ExceptionTypes.systemExit) {
            let code = exc.args.count == 1 ? exc.args[0] : (exc.args.isEmpty ? PyNone.shared : PyTuple(exc.args))
            if code is PyNone { return 0 }
            if let i = code as? PyInt { return Int32(truncatingIfNeeded: i.small) }
            stdout.flush()
            try? stderr.write(((try? str(code)) ?? "") + "\n")
            return 1
        }
        addBootstrapFrames(exc)
        stdout.flush()
        try? stderr.write("Process \(processName):\n" + tracebackText(exc))
        return 1
    }

    /// The frames of CPython's `multiprocessing/process.py` a child's traceback starts with.
    private func addBootstrapFrames(_ exc: PyExceptionObject) {
        let file = "/usr/lib/python3.11/multiprocessing/process.py"
        if sources[file] == nil {
            var lines = [Substring](repeating: "", count: 320)
            lines[107] = "            self._target(*self._args, **self._kwargs)"
            lines[313] = "                self.run()"
            sources[file] = lines
        }
        if exc.traceback.last?.name != "run" || exc.traceback.last?.fileName == file {
            // The target raised through the default `run`: CPython shows that frame too.
            exc.traceback.append(TracebackEntry(fileName: file, line: 108, name: "run", frameID: -1))
        }
        exc.traceback.append(TracebackEntry(fileName: file, line: 314, name: "_bootstrap", frameID: -2))
    }

    /// CPython's exit function in a child: join non-daemonic children, terminate daemonic ones,
    /// flush. Returns the exit code to `_exit` with.
    func finishChild(_ p: MPProcess, code: Int32, _ state: MultiprocessingState) -> Int32 {
        multiprocessingAtExit()
        flush()
        state.traceProcess(event: "process_exit", p, exitCode: code)
        return code
    }

    /// What CPython's `os.register_at_fork(after_in_child=...)` hooks do in a forked child: the
    /// `random` module reseeds from the system, so children do not repeat each other's numbers.
    func afterForkInChild() {
        randomState.seedFromSystem()
    }

    func reapFinishedChildren(_ state: MultiprocessingState) {
        state.children.removeAll { c in
            if let code = c.pollExitCode() {
                noteEnded(c, code, state)
                return true
            }
            return false
        }
    }

    func bootstrappingError() -> PyError {
        pythonError("RuntimeError", """
            
                    An attempt has been made to start a new process before the
                    current process has finished its bootstrapping phase.

                    This probably means that you are not using fork to start your
                    child processes and you have forgotten to use the proper idiom
                    in the main module:

                        if __name__ == '__main__':
                            freeze_support()
                            ...

                    The "freeze_support()" line can be omitted if the program
                    is not going to be frozen to produce an executable.

                    To fix this issue, refer to the "Safe importing of main module"
                    section in https://docs.python.org/3/library/multiprocessing.html
                    
            """)
    }

    /// What CPython's `multiprocessing.util._exit_function` does when the interpreter exits:
    /// terminate daemonic children, then join every child, so a parent never leaves one behind.
    /// Also called when the main program ends (`PythonRuntime.run`).
    public func multiprocessingAtExit() {
        guard let module = modules["multiprocessing"], let state = module.dict["__mp_state__"] as? MultiprocessingState else { return }
        flush()
        for c in state.children where c.daemon {
            try? c.child?.terminate()
        }
        for c in state.children {
            if let status = try? c.child?.wait(timeout: nil) {
                noteEnded(c, status.pythonExitCode, state)
            }
        }
        state.children = []
        for pool in state.pools {
            if pool.pool.state == .running || pool.pool.hasOutstandingWork {
                try? pool.pool.terminate()
            }
            // A pool the program never closed still ran: record it, so checks see its tasks.
            tracePool(pool, state)
        }
    }
}

extension Interpreter {
    /// Records the workers and finished tasks of every pool so far (each once), for a notebook
    /// cell that leaves its pool open: the cell's record must still show the pool ran.
    func traceOpenPools() {
        guard let module = modules["multiprocessing"], let state = module.dict["__mp_state__"] as? MultiprocessingState else { return }
        for pool in state.pools { tracePool(pool, state) }
    }
}

extension PythonRuntime {
    /// Records the pools the cells have used so far (see `Interpreter.traceOpenPools`); call
    /// after each notebook cell.
    public func traceOpenPools() {
        interpreter.traceOpenPools()
    }

    /// Ends the program's processes as CPython does at interpreter exit: daemonic children are
    /// terminated, the others joined, running pools terminated. `run` does this itself; call it
    /// after the last notebook cell (`runCell` leaves children running, as Jupyter does).
    public func finishProcesses() {
        interpreter.multiprocessingAtExit()
    }
}
