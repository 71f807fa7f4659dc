import ProcessRuntime

/// `Lock` and `RLock` (and a manager's `Lock`): a process-shared lock in its own shared memory.
final class MPLock: PyInstance, @unchecked Sendable {
    let lock: any ProcessSharedLock
    let recursive: Bool
    init(cls: PyClass, lock: any ProcessSharedLock, recursive: Bool) {
        self.lock = lock
        self.recursive = recursive
        super.init(cls: cls)
    }
}

final class MPSemaphore: PyInstance, @unchecked Sendable {
    let semaphore: ProcessSemaphore
    init(cls: PyClass, semaphore: ProcessSemaphore) {
        self.semaphore = semaphore
        super.init(cls: cls)
    }
}

final class MPEvent: PyInstance, @unchecked Sendable {
    let event: ProcessEvent
    init(cls: PyClass, event: ProcessEvent) {
        self.event = event
        super.init(cls: cls)
    }
}

final class MPCondition: PyInstance, @unchecked Sendable {
    let condition: ProcessCondition
    let lockObject: PyObject
    init(cls: PyClass, condition: ProcessCondition, lockObject: PyObject) {
        self.condition = condition
        self.lockObject = lockObject
        super.init(cls: cls)
    }
}

final class MPBarrier: PyInstance, @unchecked Sendable {
    let barrier: ProcessBarrier
    let action: PyObject?
    init(cls: PyClass, barrier: ProcessBarrier, action: PyObject?) {
        self.barrier = barrier
        self.action = action
        super.init(cls: cls)
    }
}

extension Interpreter {
    /// `acquire(block=True, timeout=None)` arguments as CPython reads them.
    func acquireArguments(_ a: NativeArguments, blockName: String = "block") throws -> (Bool, Double?) {
        let block = try boolValue(a.raw(blockName), default: true)
        var timeout = try timeoutValue(a.raw("timeout"))
        if !block { timeout = nil }
        return (block, timeout)
    }

    func newLock(_ state: MultiprocessingState, recursive: Bool) throws -> MPLock {
        let region = try SharedMemoryRegion(size: 4096)
        let lock: any ProcessSharedLock = recursive ? try ProcessRecursiveLock(in: region) : try ProcessLock(in: region)
        let object = MPLock(cls: recursive ? state.classes.rlock : state.classes.lock, lock: lock, recursive: recursive)
        _ = state.register(shared: object)
        return object
    }

    func makeSynchronizationClasses(_ state: MultiprocessingState) throws -> [String: PyClass] {
        let lock = makeNativeClass(name: "Lock", module: "multiprocessing.synchronize", constructor: nil, methods: [:])
        let rlock = makeNativeClass(name: "RLock", module: "multiprocessing.synchronize", constructor: nil, methods: [:])
        for (cls, recursive) in [(lock, false), (rlock, true)] {
            cls.constructor = { interp, _ in try interp.newLock(state, recursive: recursive) }
            let b = NativeClassBuilder(cls, MPLock.self)
            b.method("acquire", ["block", "timeout"]) { interp, l, a in
                let (block, timeout) = try interp.acquireArguments(a)
                guard block else { return PyBool.of(try l.lock.acquire(blocking: false, timeout: nil)) }
                var acquired = false
                try interp.waitWithinLimit(timeout, what: "Lock.acquire") { limit in
                    acquired = try l.lock.acquire(blocking: true, timeout: limit)
                    return acquired
                }
                return PyBool.of(acquired)
            }
            b.method("release") { interp, l, _ in
                try l.lock.release()
                return PyNone.shared
            }
            b.method("__enter__") { interp, l, _ in
                _ = try l.lock.acquire(blocking: true, timeout: nil)
                return PyBool.trueValue
            }
            b.method("__exit__", ["t", "v", "tb"]) { interp, l, _ in
                try l.lock.release()
                return PyNone.shared
            }
            b.method("__repr__") { interp, l, _ in
                let ownerText = l.lock.isOwnedByCurrentProcess ? "MainProcess" : "None"
                if recursive {
                    return PyString("<RLock(\(ownerText), \(l.lock.recursionLevel))>")
                }
                return PyString("<Lock(owner=\(ownerText))>")
            }
        }

        let semaphore = makeNativeClass(name: "Semaphore", module: "multiprocessing.synchronize", constructor: nil, methods: [:])
        let bounded = makeNativeClass(name: "BoundedSemaphore", module: "multiprocessing.synchronize", constructor: nil, methods: [:])
        for (cls, isBounded) in [(semaphore, false), (bounded, true)] {
            cls.constructor = { interp, args in
                let a = try NativeArguments(interp, args, function: cls.name, parameters: ["value"])
                let value = try a["value"].map { try interp.intArg($0) } ?? 1
                if value < 0 { throw interp.valueError("semaphore initial value must be >= 0") }
                let region = try SharedMemoryRegion(size: 4096)
                let s = MPSemaphore(cls: cls, semaphore: try ProcessSemaphore(in: region, initialValue: value, maximumValue: isBounded ? value : nil))
                _ = state.register(shared: s)
                return s
            }
            let b = NativeClassBuilder(cls, MPSemaphore.self)
            b.method("acquire", ["block", "timeout"]) { interp, s, a in
                let (block, timeout) = try interp.acquireArguments(a)
                guard block else { return PyBool.of(try s.semaphore.acquire(blocking: false, timeout: nil)) }
                var acquired = false
                try interp.waitWithinLimit(timeout, what: "Semaphore.acquire") { limit in
                    acquired = try s.semaphore.acquire(blocking: true, timeout: limit)
                    return acquired
                }
                return PyBool.of(acquired)
            }
            b.method("release") { interp, s, _ in
                try s.semaphore.release()
                return PyNone.shared
            }
            b.method("get_value") { _, s, _ in PyInt.make(s.semaphore.value) }
            b.method("__enter__") { _, s, _ in PyBool.of(try s.semaphore.acquire(blocking: true, timeout: nil)) }
            b.method("__exit__", ["t", "v", "tb"]) { interp, s, _ in
                try s.semaphore.release()
                return PyNone.shared
            }
        }

        let event = makeNativeClass(name: "Event", module: "multiprocessing.synchronize", constructor: nil, methods: [:])
        event.constructor = { interp, args in
            _ = try NativeArguments(interp, args, function: "Event", parameters: [])
            let e = MPEvent(cls: event, event: try ProcessEvent(in: try SharedMemoryRegion(size: 4096)))
            _ = state.register(shared: e)
            return e
        }
        let eb = NativeClassBuilder(event, MPEvent.self)
        eb.method("set") { interp, e, _ in e.event.set(); return PyNone.shared }
        eb.method("clear") { _, e, _ in e.event.clear(); return PyNone.shared }
        eb.method("is_set") { _, e, _ in PyBool.of(e.event.isSet) }
        eb.method("wait", ["timeout"]) { interp, e, a in
            var set = false
            try interp.waitWithinLimit(try interp.timeoutValue(a.raw("timeout")), what: "Event.wait") { limit in
                set = e.event.wait(timeout: limit)
                return set
            }
            return PyBool.of(set)
        }

        let condition = makeNativeClass(name: "Condition", module: "multiprocessing.synchronize", constructor: nil, methods: [:])
        condition.constructor = { interp, args in
            let a = try NativeArguments(interp, args, function: "Condition", parameters: ["lock"])
            let lockObject: MPLock
            if let l = a["lock"] {
                guard let given = l as? MPLock else { throw interp.typeError("Condition() needs a multiprocessing Lock or RLock") }
                lockObject = given
            } else {
                lockObject = try interp.newLock(state, recursive: true)
            }
            let c = MPCondition(cls: condition, condition: try ProcessCondition(in: try SharedMemoryRegion(size: 8192), lock: lockObject.lock),
                                lockObject: lockObject)
            _ = state.register(shared: c)
            return c
        }
        let cb = NativeClassBuilder(condition, MPCondition.self)
        cb.method("acquire", ["block", "timeout"]) { interp, c, a in
            let (block, timeout) = try interp.acquireArguments(a)
            return PyBool.of(try c.condition.acquire(blocking: block, timeout: timeout))
        }
        cb.method("release") { interp, c, _ in try c.condition.release(); return PyNone.shared }
        cb.method("__enter__") { _, c, _ in PyBool.of(try c.condition.acquire(blocking: true, timeout: nil)) }
        cb.method("__exit__", ["t", "v", "tb"]) { interp, c, _ in try c.condition.release(); return PyNone.shared }
        cb.method("wait", ["timeout"]) { interp, c, a in
            return PyBool.of(try c.condition.wait(timeout: try interp.timeoutValue(a.raw("timeout"))))
        }
        cb.method("wait_for", ["predicate", "timeout"]) { interp, c, a in
            guard let predicate = a["predicate"] else { throw interp.typeError("wait_for() missing 1 required positional argument: 'predicate'") }
            var last: PyObject = PyBool.falseValue
            _ = try c.condition.wait(timeout: try interp.timeoutValue(a.raw("timeout"))) {
                last = try interp.callPython(predicate, [])
                return try interp.truthy(last)
            }
            return last
        }
        cb.method("notify", ["n"]) { interp, c, a in
            try c.condition.notify(count: try a["n"].map { try interp.intArg($0) } ?? 1)
            return PyNone.shared
        }
        cb.method("notify_all") { _, c, _ in try c.condition.notifyAll(); return PyNone.shared }

        let barrier = makeNativeClass(name: "Barrier", module: "multiprocessing.synchronize", constructor: nil, methods: [:])
        barrier.constructor = { interp, args in
            let a = try NativeArguments(interp, args, function: "Barrier", parameters: ["parties", "action", "timeout"])
            guard let p = a["parties"] else { throw interp.typeError("Barrier.__init__() missing 1 required positional argument: 'parties'") }
            let parties = try interp.intArg(p)
            if parties < 1 { throw interp.valueError("parties must be > 0") }
            let b = MPBarrier(cls: barrier, barrier: try ProcessBarrier(in: try SharedMemoryRegion(size: 8192), parties: parties,
                                                                        timeout: try interp.timeoutValue(a.raw("timeout"))),
                              action: a["action"])
            _ = state.register(shared: b)
            return b
        }
        let bb = NativeClassBuilder(barrier, MPBarrier.self)
        bb.method("wait", ["timeout"]) { interp, b, a in
            let action = b.action
            let index = try b.barrier.wait(timeout: try interp.timeoutValue(a.raw("timeout")),
                                           action: action.map { act in { _ = try interp.callPython(act, []) } })
            return PyInt.make(index)
        }
        bb.method("reset") { _, b, _ in b.barrier.reset(); return PyNone.shared }
        bb.method("abort") { _, b, _ in b.barrier.abort(); return PyNone.shared }
        bb.property("parties", get: { _, b in PyInt.make(b.barrier.parties) })
        bb.property("n_waiting", get: { _, b in PyInt.make(b.barrier.waitingCount) })
        bb.property("broken", get: { _, b in PyBool.of(b.barrier.isBroken) })

        return ["Lock": lock, "RLock": rlock, "Semaphore": semaphore, "BoundedSemaphore": bounded,
                "Event": event, "Condition": condition, "Barrier": barrier]
    }
}
