import ProcessRuntime
#if canImport(Glibc)
import Glibc
#endif

/// A `multiprocessing.Pool` over `ForkedWorkerPool`: arguments and results cross as
/// `PickleValue` bytes; worker failures come back as the exception plus its traceback text and
/// are re-raised in the parent with a `RemoteTraceback` cause, as CPython does.
final class MPPool: PyInstance, @unchecked Sendable {
    let pool: ForkedWorkerPool
    /// What the trace already holds, so a pool traced after each notebook cell and again at
    /// close records every worker and task once.
    var tracedWorkers: Set<Int32> = []
    var tracedTasks = 0
    init(cls: PyClass, pool: ForkedWorkerPool) {
        self.pool = pool
        super.init(cls: cls)
    }
}

/// `AsyncResult` (`ApplyResult`/`MapResult`): a job of a pool.
final class MPAsyncResult: PyInstance, @unchecked Sendable {
    let owner: MPPool
    let job: PoolJobID
    /// `apply`-style results are one value; `map`-style ones a list.
    let single: Bool
    init(cls: PyClass, owner: MPPool, job: PoolJobID, single: Bool) {
        self.owner = owner
        self.job = job
        self.single = single
        super.init(cls: cls)
    }
}

/// `imap`/`imap_unordered`'s iterator.
final class MPIMapIterator: PyInstance, @unchecked Sendable {
    let owner: MPPool
    let job: PoolJobID
    init(cls: PyClass, owner: MPPool, job: PoolJobID) {
        self.owner = owner
        self.job = job
        super.init(cls: cls)
    }
}

/// How a task calls its function, for the worker-side traceback CPython shows.
enum PoolCallMode: String {
    case map, starmap, apply
    /// A `ProcessPoolExecutor` call (its worker frame differs).
    case executor
}

extension Interpreter {
    // MARK: The worker side

    /// One task item: function, positional args, keyword args, call mode.
    func poolTaskItem(_ function: PickleValue, _ args: [PickleValue], _ kwargs: [PickleValue.Pair] = [], mode: PoolCallMode) throws -> [UInt8] {
        do {
            return try PickleValue.tuple([function, .tuple(args), .dict(kwargs), .str(mode.rawValue)]).encode()
        } catch let e as PickleError {
            throw pythonError(e.pythonExceptionType == "RecursionError" ? "RecursionError" : "ValueError", e.description)
        }
    }

    /// The task items of a `map`-style job (`map`, `starmap`, `imap`...): the same bytes as
    /// `poolTaskItem(pickleForPool(function), [pickleForPool(item)], mode:)` for each item, and
    /// the same errors in the same order, but the function is pickled and encoded once and each
    /// item is written straight from its object (`writePickled`).
    func poolMapTaskItems(_ function: PyObject, _ items: [PyObject], mode: PoolCallMode) throws -> PoolItemBatch {
        guard !items.isEmpty else { return PoolItemBatch() }
        let state = try? multiprocessingState()
        state?.picklingPoolTask = true
        defer { state?.picklingPoolTask = false }
        let functionValue = try pickle(function, depth: 0)
        // The task tuple holds the function one level down (wire depth 2).
        var functionEncoder = PickleEncoder()
        var functionTooDeep = false
        do {
            try functionEncoder.encode(functionValue, depth: 2)
        } catch PickleError.tooDeep {
            functionTooDeep = true
        }
        // Every item: header, (function, (item,), {}, mode). All but the item is the same.
        var prefix = PickleEncoder()
        prefix.tag(.tuple)
        prefix.count(4)
        prefix.append(encoded: functionEncoder.bytes.dropFirst(PickleValue.header.count))
        prefix.tag(.tuple)
        prefix.count(1)
        var suffix = PickleEncoder()
        suffix.tag(.dict)
        suffix.count(0)
        suffix.writeStr(mode.rawValue)
        let suffixBytes = suffix.bytes.dropFirst(PickleValue.header.count)
        // All items go into one buffer, each one a whole message (header included).
        var writer = DirectPickleWriter(startingWith: [], capacity: items.count * (prefix.bytes.count + suffixBytes.count + 4))
        var ends: [Int] = []
        ends.reserveCapacity(items.count)
        for item in items {
            writer.encoder.append(encoded: prefix.bytes[...])
            writer.tooDeep = functionTooDeep
            try writePickled(item, into: &writer, depth: 0, wireDepth: 3)
            writer.encoder.append(encoded: suffixBytes)
            if writer.tooDeep { _ = try writer.finish(self) }
            ends.append(writer.encoder.bytes.count)
        }
        guard let batch = PoolItemBatch(bytes: writer.encoder.bytes, ends: ends) else {
            throw pythonError("RuntimeError", "pool task items were laid out inconsistently")
        }
        return batch
    }

    /// A task as `poolTaskItem`/`poolMapTaskItems` wrote it, read without a `PickleValue` tree
    /// when its function travels by name, it has no keyword arguments and its arguments are of
    /// the direct reader's kinds (every `map` over plain data); nil otherwise. The items of a
    /// `map` repeat the function's name and the call mode, so `names` keeps the last ones seen
    /// and only new bytes are decoded.
    private func directPoolTask(_ bytes: [UInt8], names: PoolTaskNames) -> (module: String, qualname: String, args: [PyObject], mode: PoolCallMode)? {
        var d = PickleDecoder(bytes: bytes)
        guard (try? d.expectHeader()) != nil, d.peekTag() == .tuple else { return nil }
        d.skipTag()
        guard (try? d.count()) == 4, d.peekTag() == .function else { return nil }
        let functionStart = d.offset
        d.skipTag()
        guard let moduleRange = try? d.textRange(), let qualnameRange = try? d.textRange(), d.peekTag() == .tuple else { return nil }
        let functionBytes = bytes[functionStart..<d.offset]
        if !PoolTaskNames.same(functionBytes, names.functionBytes) {
            guard let module = d.string(in: moduleRange), let qualname = d.string(in: qualnameRange) else { return nil }
            names.functionBytes = Array(functionBytes)
            names.module = module
            names.qualname = qualname
        }
        d.skipTag()
        guard let argCount = try? d.count(), argCount <= d.remaining else { return nil }
        var args: [PyObject] = []
        args.reserveCapacity(argCount)
        for _ in 0..<argCount {
            guard let arg = readPickled(&d, depth: 3) else { return nil }
            args.append(arg)
        }
        guard d.peekTag() == .dict else { return nil }
        d.skipTag()
        guard (try? d.count()) == 0, d.peekTag() == .str else { return nil }
        d.skipTag()
        guard let modeRange = try? d.textRange(), d.isAtEnd else { return nil }
        let modeBytes = bytes[modeRange]
        if !PoolTaskNames.same(modeBytes, names.modeBytes) {
            guard let modeName = d.string(in: modeRange), let mode = PoolCallMode(rawValue: modeName) else { return nil }
            names.modeBytes = Array(modeBytes)
            names.mode = mode
        }
        return (names.module, names.qualname, args, names.mode)
    }

    /// Runs one task item in a pool worker. `names` carries decoded names from one item to the
    /// next (one per worker).
    func runPoolTask(_ bytes: [UInt8], names: PoolTaskNames = PoolTaskNames()) -> WorkerTaskResult {
        var mode = PoolCallMode.apply
        do {
            let function: PyObject
            var args: [PyObject]
            var keywords: [(String, PyObject)] = []
            if let task = directPoolTask(bytes, names: names) {
                mode = task.mode
                function = try unpickle(.function(module: task.module, qualname: task.qualname))
                args = task.args
            } else {
                guard case .tuple(let parts) = try PickleValue(decoding: bytes), parts.count == 4,
                      case .tuple(let argValues) = parts[1], case .dict(let kwPairs) = parts[2], case .str(let modeName) = parts[3] else {
                    throw pythonError("RuntimeError", "malformed pool task")
                }
                mode = PoolCallMode(rawValue: modeName) ?? .apply
                function = try unpickle(parts[0])
                args = try argValues.map(unpickle)
                for pair in kwPairs {
                    guard case .str(let k) = pair.key else { continue }
                    keywords.append((k, try unpickle(pair.value)))
                }
            }
            if mode == .starmap, let packed = args.first {
                args = try iterateToArray(packed)
            }
            let result = try callPython(function, args, keywords: keywords)
            let encoded: [UInt8]
            do {
                encoded = try pickleBytes(result)
            } catch let e as PyError {
                let reason = "\(e.exception.cls.name)(\((try? repr(PyString((try? str(e.exception)) ?? ""))) ?? "''"))"
                let message = "Error sending result: '\((try? repr(result)) ?? "?")'. Reason: '\(reason)'"
                flush()
                return .failure((try? PickleValue.tuple([
                    .exception(typeName: "multiprocessing.pool.MaybeEncodingError", args: [.str(message)], message: message), .str(""),
                ]).encode()) ?? [])
            }
            flush()
            return .success(encoded)
        } catch let e as PyError where e.exception.cls.isSubclass(of: ExceptionTypes.systemExit) {
            // `sys.exit()` in a task ends the worker process (CPython's pool then hangs; here the
            // pool fails the task as a dead worker's).
            let code = childExitCode(for: e.exception, processName: "")
            flush()
            ChildSide.exit(code)
        } catch let e as PyError {
            addPoolWorkerFrames(e.exception, mode: mode)
            let text = tracebackText(e.exception)
            let message = (try? str(e.exception)) ?? ""
            let excValue = (try? pickle(e.exception)) ?? .exception(typeName: exceptionTypeName(e.exception.cls), args: [.str(message)], message: message)
            flush()
            let bytes = (try? PickleValue.tuple([excValue, .str(text)]).encode())
                ?? (try? PickleValue.tuple([.exception(typeName: "RuntimeError", args: [.str(message)], message: message), .str(text)]).encode())
                ?? []
            return .failure(bytes)
        } catch let e as EngineLimitError {
            try? stderr.write("grader: execution stopped: \(e.message)\n")
            flush()
            let message = "execution stopped in a pool worker: \(e.message)"
            return .failure((try? PickleValue.tuple([.exception(typeName: "RuntimeError", args: [.str(message)], message: message), .str("")]).encode()) ?? [])
        } catch {
            flush()
            let message = "\(error)"
            return .failure((try? PickleValue.tuple([.exception(typeName: "RuntimeError", args: [.str(message)], message: message), .str("")]).encode()) ?? [])
        }
    }

    private func addPoolWorkerFrames(_ exc: PyExceptionObject, mode: PoolCallMode) {
        let file = "/usr/lib/python3.11/multiprocessing/pool.py"
        if sources[file] == nil {
            var lines = [Substring](repeating: "", count: 130)
            lines[124] = "            result = (True, func(*args, **kwds))"
            lines[47] = "    return list(map(*args))"
            lines[50] = "    return list(itertools.starmap(args[0], args[1]))"
            sources[file] = lines
        }
        switch mode {
        case .map: exc.traceback.append(TracebackEntry(fileName: file, line: 48, name: "mapstar", frameID: -3))
        case .starmap: exc.traceback.append(TracebackEntry(fileName: file, line: 51, name: "starmapstar", frameID: -4))
        case .apply: break
        case .executor:
            let executorFile = "/usr/lib/python3.11/concurrent/futures/process.py"
            if sources[executorFile] == nil {
                var lines = [Substring](repeating: "", count: 262)
                lines[260] = "            r = call_item.fn(*call_item.args, **call_item.kwargs)"
                sources[executorFile] = lines
            }
            exc.traceback.append(TracebackEntry(fileName: executorFile, line: 261, name: "_process_worker", frameID: -6))
            return
        }
        exc.traceback.append(TracebackEntry(fileName: file, line: 125, name: "worker", frameID: -5))
    }

    /// The exception to raise in the parent for a failed task.
    func poolFailure(_ error: PoolTaskError, executor: Bool = false) -> Error {
        guard case .raised(let bytes) = error else { return mpError(error) }
        do {
            guard case .tuple(let parts) = try PickleValue(decoding: bytes), parts.count == 2, case .str(let text) = parts[1] else {
                return pythonError("RuntimeError", "malformed pool failure")
            }
            let object = try unpickle(parts[0])
            guard let exc = object as? PyExceptionObject else { return pythonError("RuntimeError", "pool task failed") }
            if !text.isEmpty, let classes = try? multiprocessingState().classes {
                exc.cause = newException(executor ? classes.executorRemoteTraceback : classes.remoteTraceback,
                                         [PyString("\n\"\"\"\n" + text + "\"\"\"")])
                exc.suppressContext = true
            }
            return PyError(exception: exc)
        } catch {
            return error
        }
    }

    // MARK: The class

    func makePoolClasses(_ state: MultiprocessingState) -> (pool: PyClass, asyncResult: PyClass) {
        let asyncClass = makeNativeClass(name: "ApplyResult", module: "multiprocessing.pool", constructor: nil, methods: [:])
        let mapResultClass = makeNativeClass(name: "MapResult", module: "multiprocessing.pool", bases: [asyncClass], constructor: nil, methods: [:])
        let imapClass = makeNativeClass(name: "IMapIterator", module: "multiprocessing.pool", constructor: nil, methods: [:])
        let imapUnorderedClass = makeNativeClass(name: "IMapUnorderedIterator", module: "multiprocessing.pool", bases: [imapClass], constructor: nil, methods: [:])
        let ib = NativeClassBuilder(imapClass, MPIMapIterator.self)
        func nextItem(_ interp: Interpreter, _ it: MPIMapIterator, timeout: Double?) throws -> PyObject {
            do {
                switch try it.owner.pool.next(in: it.job, timeout: timeout) {
                case nil: throw PyError(exception: interp.newException(ExceptionTypes.stopIteration, []))
                case .item(let bytes)?: return try interp.unpickle(bytes: bytes)
                case .failure(let e)?: throw interp.poolFailure(e)
                }
            } catch let e as PyError {
                throw e
            } catch {
                throw interp.mpError(error)
            }
        }
        ib.method("next", ["timeout"]) { interp, it, a in
            return try nextItem(interp, it, timeout: try interp.timeoutValue(a.raw("timeout")))
        }
        try? ib.dunders(self, [
            "__iter__": { _, it, _ in it },
            "__next__": { interp, it, _ in
                return try nextItem(interp, it, timeout: nil)
            },
        ])
        let cls = makeNativeClass(name: "Pool", module: "multiprocessing.pool", constructor: nil, methods: [:])
        cls.constructor = { interp, args in
            let a = try NativeArguments(interp, args, function: "Pool", parameters: ["processes", "initializer", "initargs", "maxtasksperchild", "context"])
            return try interp.makePool(cls, a, state, workerPrefix: "ForkPoolWorker")
        }
        func method(_ name: String, _ parameters: [String] = [], _ body: @escaping (Interpreter, MPPool, NativeArguments) throws -> PyObject) {
            cls.dict[name] = PyNativeFunction(name, owner: "Pool", isMethod: true) { interp, args in
                let a = try NativeArguments(interp, args, function: name, parameters: parameters, dropSelf: true)
                guard let p = a.selfObject as? MPPool else { throw interp.typeError("Pool method called on a non-Pool") }
                do {
                    return try body(interp, p, a)
                } catch let e as PoolTaskError {
                    throw interp.poolFailure(e)
                } catch {
                    throw interp.mpError(error)
                }
            }
        }
        func required(_ interp: Interpreter, _ a: NativeArguments, _ name: String, _ function: String) throws -> PyObject {
            guard let v = a.raw(name) else { throw interp.typeError("\(function)() missing 1 required positional argument: '\(name)'") }
            return v
        }
        func mapJob(_ interp: Interpreter, _ p: MPPool, _ a: NativeArguments, function: String, mode: PoolCallMode,
                    callbacks: Bool) throws -> MPAsyncResult {
            let fn = try required(interp, a, "func", function)
            let items = try interp.iterateToArray(try required(interp, a, "iterable", function))
            if p.pool.state != .running { throw PoolError.notRunning }
            var chunk: Int?
            if let c = a["chunksize"] {
                let size = try interp.intArg(c)
                if size < 1 { throw interp.valueError("Chunksize must be 1+, not \(size)") }
                chunk = size
            }
            let encoded = try interp.poolMapTaskItems(fn, items, mode: mode)
            let onComplete = callbacks ? interp.completionHandler(a, single: false) : nil
            let job = try p.pool.map(encoded, chunkSize: chunk, onComplete: onComplete)
            return MPAsyncResult(cls: mapResultClass, owner: p, job: job, single: false)
        }
        func applyJob(_ interp: Interpreter, _ p: MPPool, _ a: NativeArguments, function: String, callbacks: Bool) throws -> MPAsyncResult {
            let fn = try required(interp, a, "func", function)
            if p.pool.state != .running { throw PoolError.notRunning }
            let args = try a["args"].map { try interp.iterateToArray($0) } ?? []
            var kwargs: [PickleValue.Pair] = []
            if let kw = a["kwds"] as? PyDict {
                for k in interp.dictKeys(kw) {
                    kwargs.append(.init(try interp.pickleForPool(k), try interp.pickleForPool(try interp.dictGet(kw, k) ?? PyNone.shared)))
                }
            }
            let item = try interp.poolTaskItem(try interp.pickleForPool(fn), try args.map { try interp.pickleForPool($0) }, kwargs, mode: .apply)
            let job = try p.pool.apply(item, onComplete: callbacks ? interp.completionHandler(a, single: true) : nil)
            return MPAsyncResult(cls: asyncClass, owner: p, job: job, single: true)
        }
        let mapParameters = ["func", "iterable", "chunksize", "callback", "error_callback"]
        method("map", ["func", "iterable", "chunksize"]) { interp, p, a in
            let r = try mapJob(interp, p, a, function: "map", mode: .map, callbacks: false)
            return try interp.asyncResultValue(r, timeout: nil)
        }
        method("starmap", ["func", "iterable", "chunksize"]) { interp, p, a in
            let r = try mapJob(interp, p, a, function: "starmap", mode: .starmap, callbacks: false)
            return try interp.asyncResultValue(r, timeout: nil)
        }
        method("map_async", mapParameters) { interp, p, a in try mapJob(interp, p, a, function: "map_async", mode: .map, callbacks: true) }
        method("starmap_async", mapParameters) { interp, p, a in
            try mapJob(interp, p, a, function: "starmap_async", mode: .starmap, callbacks: true)
        }
        method("apply", ["func", "args", "kwds"]) { interp, p, a in
            try interp.asyncResultValue(try applyJob(interp, p, a, function: "apply", callbacks: false), timeout: nil)
        }
        method("apply_async", ["func", "args", "kwds", "callback", "error_callback"]) { interp, p, a in
            try applyJob(interp, p, a, function: "apply_async", callbacks: true)
        }
        for (name, ordered) in [("imap", true), ("imap_unordered", false)] {
            method(name, ["func", "iterable", "chunksize"]) { interp, p, a in
                let fn = try required(interp, a, "func", name)
                let items = try interp.iterateToArray(try required(interp, a, "iterable", name))
                if p.pool.state != .running { throw PoolError.notRunning }
                let chunk = try a["chunksize"].map { try interp.intArg($0) } ?? 1
                if chunk < 1 { throw interp.valueError("Chunksize must be 1+, not \(chunk)") }
                let encoded = try interp.poolMapTaskItems(fn, items, mode: .map)
                let job = try p.pool.iterate(encoded, chunkSize: chunk, ordered: ordered)
                return MPIMapIterator(cls: ordered ? imapClass : imapUnorderedClass, owner: p, job: job)
            }
        }
        method("close") { interp, p, _ in
            try p.pool.close()
            return PyNone.shared
        }
        method("terminate") { interp, p, _ in
            try p.pool.terminate()
            interp.tracePool(p, state)
            return PyNone.shared
        }
        method("join") { interp, p, _ in
            try p.pool.join()
            interp.tracePool(p, state)
            return PyNone.shared
        }
        method("__enter__") { interp, p, _ in
            if p.pool.state != .running { throw PoolError.notRunning }
            return p
        }
        method("__exit__", ["t", "v", "tb"]) { interp, p, _ in
            try p.pool.terminate()
            interp.tracePool(p, state)
            return PyBool.falseValue
        }
        try? installDunders(on: cls, ["__repr__": { interp, args in
            guard let p = args.positional.first as? MPPool else { return PyString("<multiprocessing.pool.Pool>") }
            let state: String
            switch p.pool.state {
            case .running: state = "RUN"
            case .closed: state = "CLOSE"
            case .terminated: state = "TERMINATE"
            }
            return PyString("<\(p.pyClass.moduleName).\(p.pyClass.name) state=\(state) pool_size=\(p.pool.size)>")
        }])

        // AsyncResult
        func resultMethod(_ name: String, _ parameters: [String] = [], _ body: @escaping (Interpreter, MPAsyncResult, NativeArguments) throws -> PyObject) {
            asyncClass.dict[name] = PyNativeFunction(name, owner: "ApplyResult", isMethod: true) { interp, args in
                let a = try NativeArguments(interp, args, function: name, parameters: parameters, dropSelf: true)
                guard let r = a.selfObject as? MPAsyncResult else { throw interp.typeError("AsyncResult method called on another object") }
                do {
                    return try body(interp, r, a)
                } catch let e as PoolTaskError {
                    throw interp.poolFailure(e)
                } catch {
                    throw interp.mpError(error)
                }
            }
        }
        resultMethod("get", ["timeout"]) { interp, r, a in try interp.asyncResultValue(r, timeout: try interp.timeoutValue(a.raw("timeout"))) }
        resultMethod("wait", ["timeout"]) { interp, r, a in
            _ = try r.owner.pool.wait(for: r.job, timeout: try interp.timeoutValue(a.raw("timeout")))
            return PyNone.shared
        }
        resultMethod("ready") { interp, r, _ in
            _ = try? r.owner.pool.pump(timeout: 0)
            // CPython never completes work cut off by terminate(): it stays not ready.
            if case .failure(.terminated)? = try r.owner.pool.outcome(of: r.job) { return PyBool.falseValue }
            return PyBool.of(try r.owner.pool.isReady(r.job))
        }
        resultMethod("successful") { interp, r, _ in
            _ = try? r.owner.pool.pump(timeout: 0)
            guard let outcome = try r.owner.pool.outcome(of: r.job) else {
                throw interp.valueError("<multiprocessing.pool.\(r.single ? "ApplyResult" : "MapResult") object at \(PicklingRules.hexAddress(UInt(bitPattern: interp.id(of: r))))> not ready")
            }
            if case .success = outcome { return PyBool.trueValue }
            return PyBool.falseValue
        }
        return (cls, asyncClass)
    }

    func makePool(_ cls: PyClass, _ a: NativeArguments, _ state: MultiprocessingState, workerPrefix: String) throws -> MPPool {
        var processes = try a["processes"].map { try intArg($0) } ?? cpuCount(state)
        if a["processes"] == nil { processes = max(1, processes) }
        let maxTasks = try a["maxtasksperchild"].map { try intArg($0) }
        let userInitializer = a["initializer"]
        let initargs = try a["initargs"].map { try iterateToArray($0) } ?? []
        if let i = userInitializer, !isCallable(i) { throw typeError("initializer must be a callable") }
        if state.bootstrapping { throw bootstrappingError() }
        let spawning = state.startMethod == "spawn"
        // Under spawn the initializer crosses by pickling (a lambda fails here, as in CPython)
        // and each worker is a fresh interpreter that re-ran the main module.
        let spawnMain = spawning ? try spawnMainModule() : nil
        // (Queues and locks may go to the initializer: they are handed over while spawning.)
        let spawnInitializer = spawning ? try userInitializer.map { try pickle($0) } : nil
        let spawnInitargs = spawning ? try initargs.map { try pickle($0) } : []
        let workerInterpreter = WorkerInterpreterBox()
        let taskNames = PoolTaskNames()
        flush()
        let prefix = spawning ? "SpawnPoolWorker" : workerPrefix
        do {
            let pool = try ForkedWorkerPool(
                processes: processes, maxTasksPerChild: maxTasks, budget: state.budget,
                nameWorker: { "\(prefix)-\(state.nextIdentity())" },
                initializer: { [unowned self] info in
                    if let spawnMain {
                        switch spawnedInterpreter(spawnMain, name: info.name, parentPID: info.parentPID, daemon: true, kind: "pool worker") {
                        case .failure: throw PoolInitializerFailed()
                        case .success(let child):
                            workerInterpreter.interpreter = child.interpreter
                            guard let initializer = spawnInitializer else { return }
                            let fresh = child.interpreter
                            let code = fresh.runProcessBody {
                                _ = try fresh.callPython(try fresh.unpickle(initializer), try spawnInitargs.map { try fresh.unpickle($0) })
                            }
                            fresh.flush()
                            if code != 0 { throw PoolInitializerFailed() }
                            return
                        }
                    }
                    stdout.discardBuffered()
                    stderr.discardBuffered()
                    let me = MPProcess(cls: state.classes.process, name: info.name, parentPID: info.parentPID)
                    me.ownPID = getpid()
                    me.kind = "pool worker"
                    me.daemon = true
                    me.startMethod = state.startMethod
                    state.becomeChild(me)
                    state.pools = []
                    afterForkInChild()
                    // (Standard input is already /dev/null: `ForkedWorkerPool` does it first.)
                    state.traceProcess(event: "process_start", me)
                    if let initializer = userInitializer {
                        let code = runProcessBody { _ = try callPython(initializer, initargs) }
                        flush()
                        if code != 0 { throw PoolInitializerFailed() }
                    }
                },
                body: { [unowned self] bytes in (workerInterpreter.interpreter ?? self).runPoolTask(bytes, names: taskNames) })
            let p = MPPool(cls: cls, pool: pool)
            state.pools.append(p)
            return p
        } catch {
            throw mpError(error)
        }
    }

    func cpuCount(_ state: MultiprocessingState) -> Int {
        state.configuration.cpuCount ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// `callback`/`error_callback` for an async job; they run in this process during a pump.
    func completionHandler(_ a: NativeArguments, single: Bool) -> ((PoolJobOutcome) -> Void)? {
        let callback = a["callback"]
        let errorCallback = a["error_callback"]
        if callback == nil && errorCallback == nil { return nil }
        return { [unowned self] outcome in
            do {
                switch outcome {
                case .success(let items):
                    guard let callback else { return }
                    let values = try items.map { try unpickle(bytes: $0) }
                    _ = try callPython(callback, [single ? (values.first ?? PyNone.shared) : PyList(values)])
                case .failure(let e):
                    guard let errorCallback else { return }
                    let error = poolFailure(e)
                    let exc = (error as? PyError)?.exception ?? newException(ExceptionTypes.runtimeError, [PyString("\(error)")])
                    _ = try callPython(errorCallback, [exc])
                }
            } catch let e as PyError {
                // CPython's result handler thread would die with this traceback; report it.
                try? stderr.write("Exception in a pool callback:\n" + tracebackText(e.exception))
            } catch {}
        }
    }

    func asyncResultValue(_ r: MPAsyncResult, timeout: Double?) throws -> PyObject {
        var finished = false
        try waitWithinLimit(timeout, what: "a pool result") { limit in
            finished = try r.owner.pool.wait(for: r.job, timeout: limit)
            return finished
        }
        guard finished else { throw PoolError.timeout }
        if !r.single, let batches = try r.owner.pool.resultBatches(of: r.job) {
            return PyList(try unpickleResults(batches))
        }
        guard let outcome = try r.owner.pool.outcome(of: r.job) else { throw PoolError.timeout }
        switch outcome {
        case .success(let items):
            let values = try items.map { try unpickle(bytes: $0) }
            return r.single ? (values.first ?? PyNone.shared) : PyList(values)
        case .failure(let e):
            throw poolFailure(e)
        }
    }

    /// A `map` job's results, read from the chunks' buffers as they came (no array per result),
    /// in input order; the same objects as `unpickle(bytes:)` of each.
    func unpickleResults(_ batches: [PoolItemBatch]) throws -> [PyObject] {
        var values: [PyObject] = []
        values.reserveCapacity(batches.reduce(0) { $0 + $1.count })
        for batch in batches {
            var start = 0
            for end in batch.ends {
                if let value = directUnpickle(batch.bytes, range: start..<end) {
                    values.append(value)
                } else {
                    values.append(try unpickle(bytes: Array(batch.bytes[start..<end])))
                }
                start = end
            }
        }
        return values
    }

    func tracePool(_ p: MPPool, _ state: MultiprocessingState) {
        guard let trace = state.trace else { return }
        let record = p.pool.record
        for w in record.workers where p.tracedWorkers.insert(w.pid).inserted {
            trace.record([
                ("event", .string("pool_worker")), ("pid", .int(Int(w.pid))), ("parent", .int(Int(getpid()))),
                ("name", .string(w.name)), ("start_method", .string(state.startMethod)),
                ("exitcode", w.exitCode.map { .int(Int($0)) } ?? .null), ("end_reason", w.endReason.map { .string($0) } ?? .null),
                ("tasks_completed", .int(w.tasksCompleted)),
            ])
        }
        for t in record.tasks.dropFirst(p.tracedTasks) {
            trace.record([
                ("event", .string("pool_task")), ("job", .int(t.job)), ("kind", .string(t.kind)), ("chunk", .int(t.chunk)),
                ("items", .int(t.itemCount)), ("worker_pid", .int(Int(t.workerPID))), ("worker_name", .string(t.workerName)),
                ("outcome", .string(t.outcome)), ("started_at", t.startedAt.map { .double($0) } ?? .null), ("ended_at", .double(t.endedAt)),
            ])
        }
        p.tracedTasks = record.tasks.count
    }
}

/// The interpreter a pool worker runs tasks in: the forked copy of the parent's (fork), or the
/// fresh one that re-ran the main module (spawn), set by the worker's initializer after fork.
final class WorkerInterpreterBox {
    var interpreter: Interpreter?
}

/// The function name and call mode of the last task a pool worker read, by their bytes: the
/// items of one `map` all carry the same ones, and decoding (validating) them per item cost
/// more than the item itself.
final class PoolTaskNames {
    var functionBytes: [UInt8] = []
    var module = ""
    var qualname = ""
    var modeBytes: [UInt8] = []
    var mode = PoolCallMode.apply

    /// Byte-wise equality of a few bytes (the generic `elementsEqual` cost more than decoding).
    static func same(_ slice: ArraySlice<UInt8>, _ known: [UInt8]) -> Bool {
        guard slice.count == known.count else { return false }
        var index = slice.startIndex
        for byte in known {
            if slice[index] != byte { return false }
            index += 1
        }
        return true
    }
}

/// Ends a pool worker whose initializer raised (its traceback is already printed).
struct PoolInitializerFailed: Error {}
