import ProcessRuntime

/// A `concurrent.futures.Future` of a `ProcessPoolExecutor` task (a pool job of one item).
final class MPFuture: PyInstance, @unchecked Sendable {
    let owner: MPPool
    /// The pool job; nil when the task never reached the pool (its function or arguments
    /// could not be pickled: CPython reports that from `result()`, not from `submit()`).
    let job: PoolJobID?
    let presetError: PyError?
    var callbacks: [PyObject] = []
    var callbacksRun = false
    init(cls: PyClass, owner: MPPool, job: PoolJobID?, presetError: PyError? = nil) {
        self.owner = owner
        self.job = job
        self.presetError = presetError
        super.init(cls: cls)
    }

    var isDone: Bool {
        guard let job else { return true }
        return (try? owner.pool.isReady(job)) == true
    }

    var failed: Bool {
        guard let job else { return true }
        if case .failure? = try? owner.pool.outcome(of: job) { return true }
        return false
    }
}

extension Interpreter {
    /// `concurrent.futures`: `ProcessPoolExecutor` over the same forked worker pool as
    /// `multiprocessing.Pool`, with `Future`, `as_completed` and `wait`.
    func makeConcurrentFuturesModule() throws -> PyModule {
        let state = try multiprocessingState()
        let m = PyModule(name: "concurrent.futures")
        let future = makeNativeClass(name: "Future", module: "concurrent.futures._base", constructor: nil, methods: [:])
        let executor = makeNativeClass(name: "ProcessPoolExecutor", module: "concurrent.futures.process", constructor: nil, methods: [:])
        let cancelledError = makeExceptionClass("CancelledError", module: "concurrent.futures", base: ExceptionTypes.exception)
        executor.constructor = { interp, args in
            let a = try NativeArguments(interp, args, function: "ProcessPoolExecutor",
                                        parameters: ["max_workers", "mp_context", "initializer", "initargs", "max_tasks_per_child"])
            if let w = a["max_workers"], try interp.intArg(w) <= 0 { throw interp.valueError("max_workers must be greater than 0") }
            var renamed = CallArgs()
            if let w = a["max_workers"] { renamed.keywords.append(("processes", w)) }
            if let i = a["initializer"] { renamed.keywords.append(("initializer", i)) }
            if let i = a["initargs"] { renamed.keywords.append(("initargs", i)) }
            if let i = a["max_tasks_per_child"] { renamed.keywords.append(("maxtasksperchild", i)) }
            let na = try NativeArguments(interp, renamed, function: "ProcessPoolExecutor", parameters: ["processes", "initializer", "initargs", "maxtasksperchild"])
            return try interp.makePool(executor, na, state, workerPrefix: "ForkProcess")
        }
        let eb = NativeClassBuilder(executor, MPPool.self)
        func submit(_ interp: Interpreter, _ p: MPPool, _ fn: PyObject, _ args: [PyObject], _ kwargs: [(String, PyObject)]) throws -> MPFuture {
            if p.pool.state != .running { throw interp.pythonError("RuntimeError", "cannot schedule new futures after shutdown") }
            let item: [UInt8]
            do {
                item = try interp.poolTaskItem(try interp.pickleForPool(fn), try args.map { try interp.pickleForPool($0) },
                                               try kwargs.map { .init(.str($0.0), try interp.pickleForPool($0.1)) }, mode: .executor)
            } catch let e as PyError {
                return MPFuture(cls: future, owner: p, job: nil, presetError: e)
            }
            var futureObject: MPFuture?
            let job = try p.pool.apply(item) { [unowned interp] _ in
                guard let f = futureObject else { return }
                interp.runFutureCallbacks(f)
            }
            let f = MPFuture(cls: future, owner: p, job: job)
            futureObject = f
            return f
        }
        executor.dict["submit"] = PyNativeFunction("submit", owner: "ProcessPoolExecutor", isMethod: true) { interp, args in
            guard args.positional.count >= 2, let p = args.positional[0] as? MPPool else {
                throw interp.typeError("submit() missing 1 required positional argument: 'fn'")
            }
            do {
                return try submit(interp, p, args.positional[1], Array(args.positional.dropFirst(2)), args.keywords)
            } catch {
                throw interp.mpError(error)
            }
        }
        executor.dict["map"] = PyNativeFunction("map", owner: "ProcessPoolExecutor", isMethod: true) { interp, args in
            guard args.positional.count >= 3, let p = args.positional[0] as? MPPool else {
                throw interp.typeError("map() missing required arguments: 'fn' and an iterable")
            }
            let fn = args.positional[1]
            let timeout = try interp.timeoutValue(args.keyword("timeout"))
            let iterables = try args.positional.dropFirst(2).map { try interp.iterateToArray($0) }
            let count = iterables.map(\.count).min() ?? 0
            var futures: [MPFuture] = []
            do {
                for i in 0..<count {
                    futures.append(try submit(interp, p, fn, iterables.map { $0[i] }, []))
                }
            } catch {
                throw interp.mpError(error)
            }
            var index = 0
            return PyNativeIterator("generator") { interp in
                guard index < futures.count else { return nil }
                index += 1
                return try interp.futureResult(futures[index - 1], timeout: timeout)
            }
        }
        eb.method("shutdown", ["wait", "cancel_futures"]) { interp, p, a in
            try p.pool.close()
            if try interp.boolValue(a.raw("wait"), default: true) {
                try p.pool.join()
                interp.tracePool(p, state)
            }
            return PyNone.shared
        }
        eb.method("__enter__") { _, p, _ in p }
        eb.method("__exit__", ["t", "v", "tb"]) { interp, p, _ in
            try p.pool.close()
            try p.pool.join()
            interp.tracePool(p, state)
            return PyBool.falseValue
        }

        let fb = NativeClassBuilder(future, MPFuture.self)
        fb.method("result", ["timeout"]) { interp, f, a in try interp.futureResult(f, timeout: try interp.timeoutValue(a.raw("timeout"))) }
        fb.method("exception", ["timeout"]) { interp, f, a in
            do {
                _ = try interp.futureResult(f, timeout: try interp.timeoutValue(a.raw("timeout")))
                return PyNone.shared
            } catch let e as PyError where !(e.exception.cls === state.classes.timeoutError) {
                return e.exception
            }
        }
        fb.method("done") { _, f, _ in
            _ = try? f.owner.pool.pump(timeout: 0)
            return PyBool.of(f.isDone)
        }
        fb.method("running") { _, f, _ in
            _ = try? f.owner.pool.pump(timeout: 0)
            return PyBool.of(!f.isDone)
        }
        fb.method("cancel") { _, _, _ in PyBool.falseValue }
        fb.method("cancelled") { _, _, _ in PyBool.falseValue }
        fb.method("add_done_callback", ["fn"]) { interp, f, a in
            guard let fn = a.raw("fn") else { throw interp.typeError("add_done_callback() missing 1 required positional argument: 'fn'") }
            f.callbacks.append(fn)
            if f.callbacksRun || f.isDone {
                _ = try interp.callPython(fn, [f])
            }
            return PyNone.shared
        }

        m.dict["ProcessPoolExecutor"] = executor
        m.dict["Future"] = future
        m.dict["CancelledError"] = cancelledError
        m.dict["TimeoutError"] = ExceptionTypes.timeoutError
        m.dict["BrokenExecutor"] = state.classes.brokenProcessPool.bases.first
        m.dict["FIRST_COMPLETED"] = PyString("FIRST_COMPLETED")
        m.dict["FIRST_EXCEPTION"] = PyString("FIRST_EXCEPTION")
        m.dict["ALL_COMPLETED"] = PyString("ALL_COMPLETED")
        m.dict["ThreadPoolExecutor"] = native("ThreadPoolExecutor") { interp, _ in
            throw interp.pythonError("NotImplementedError",
                                     "ThreadPoolExecutor is not supported by this Python engine (it runs one thread so that it can fork); use ProcessPoolExecutor")
        }

        m.dict["as_completed"] = native("as_completed") { interp, args in
            let a = try NativeArguments(interp, args, function: "as_completed", parameters: ["fs", "timeout"])
            let futures = try interp.iterateToArray(a.raw("fs") ?? PyList()).compactMap { $0 as? MPFuture }
            let deadline = Deadline(secondsFromNow: try interp.timeoutValue(a.raw("timeout")))
            var yielded = Set<ObjectIdentifier>()
            return PyNativeIterator("generator") { interp in
                while yielded.count < futures.count {
                    for f in futures where !yielded.contains(ObjectIdentifier(f)) {
                        if f.isDone {
                            yielded.insert(ObjectIdentifier(f))
                            return f
                        }
                    }
                    if deadline.hasExpired {
                        throw PyError(exception: interp.newException(ExceptionTypes.timeoutError,
                            [PyString("\(futures.count - yielded.count) (of \(futures.count)) futures unfinished")]))
                    }
                    let pools = Set(futures.map { ObjectIdentifier($0.owner) })
                    for f in futures where pools.contains(ObjectIdentifier(f.owner)) {
                        _ = try? f.owner.pool.pump(timeout: 0.05)
                        break
                    }
                }
                return nil
            }
        }
        let doneAndNotDone = makeNativeClass(name: "DoneAndNotDoneFutures", module: "concurrent.futures._base", constructor: nil, methods: [:])
        try installDunders(on: doneAndNotDone, [
            "__iter__": { interp, args in
                guard let me = args.positional.first as? PyInstance else { return PyNone.shared }
                return try interp.getIterator(PyTuple([me.attributes["done"] ?? PyNone.shared, me.attributes["not_done"] ?? PyNone.shared]))
            },
            "__getitem__": { interp, args in
                guard let me = args.positional.first as? PyInstance else { return PyNone.shared }
                return try interp.getItem(PyTuple([me.attributes["done"] ?? PyNone.shared, me.attributes["not_done"] ?? PyNone.shared]), args.positional[1])
            },
        ])
        m.dict["wait"] = native("wait") { interp, args in
            let a = try NativeArguments(interp, args, function: "wait", parameters: ["fs", "timeout", "return_when"])
            let futures = try interp.iterateToArray(a.raw("fs") ?? PyList()).compactMap { $0 as? MPFuture }
            let deadline = Deadline(secondsFromNow: try interp.timeoutValue(a.raw("timeout")))
            let mode = try a["return_when"].map { try interp.str($0) } ?? "ALL_COMPLETED"
            while true {
                let done = futures.filter { $0.isDone }
                let failed = done.contains { $0.failed }
                let finished = done.count == futures.count || (mode == "FIRST_COMPLETED" && !done.isEmpty) || (mode == "FIRST_EXCEPTION" && failed)
                if finished || deadline.hasExpired {
                    let result = PyInstance(cls: doneAndNotDone)
                    result.attributes["done"] = try interp.makeSet(done)
                    result.attributes["not_done"] = try interp.makeSet(futures.filter { f in !done.contains { $0 === f } })
                    return result
                }
                _ = try? futures.first?.owner.pool.pump(timeout: 0.05)
            }
        }
        return m
    }

    func makeConcurrentFuturesSubmodule(_ name: String) throws -> PyModule {
        let parent = try importModule("concurrent.futures")
        let state = try multiprocessingState()
        let m = PyModule(name: "concurrent.futures.\(name)")
        m.dict["ProcessPoolExecutor"] = parent.dict["ProcessPoolExecutor"]
        m.dict["BrokenProcessPool"] = state.classes.brokenProcessPool
        parent.dict[name] = m
        return m
    }

    func futureResult(_ f: MPFuture, timeout: Double?) throws -> PyObject {
        if let e = f.presetError { throw e }
        guard let job = f.job else { return PyNone.shared }
        do {
            var outcome: PoolJobOutcome?
            try waitWithinLimit(timeout, what: "Future.result") { limit in
                outcome = try f.owner.pool.wait(for: job, timeout: limit) ? try f.owner.pool.outcome(of: job) : nil
                return outcome != nil
            }
            guard let outcome else { throw PoolError.timeout }
            switch outcome {
            case .success(let items): return try items.first.map { try unpickle(bytes: $0) } ?? PyNone.shared
            case .failure(let e): throw poolFailure(e, executor: true)
            }
        } catch PoolError.timeout {
            throw PyError(exception: newException(ExceptionTypes.timeoutError, []))
        } catch let e as PyError {
            throw e
        } catch {
            throw mpError(error)
        }
    }

    func runFutureCallbacks(_ f: MPFuture) {
        guard !f.callbacksRun else { return }
        f.callbacksRun = true
        for c in f.callbacks {
            do { _ = try callPython(c, [f]) } catch let e as PyError {
                try? stderr.write("exception calling callback for \((try? repr(f)) ?? "future")\n" + tracebackText(e.exception))
            } catch {}
        }
    }
}
