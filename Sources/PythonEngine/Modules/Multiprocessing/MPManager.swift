import ProcessRuntime

/// `Manager()`: CPython runs a server process holding the objects; here the shared objects live
/// in shared memory (`SharedList`/`SharedDict`, values pickled), so proxies work in every
/// process forked after they were made, without a server.
final class MPManager: PyInstance, @unchecked Sendable {
    var running = true
}

final class MPListProxy: PyInstance, @unchecked Sendable {
    let list: SharedList
    init(cls: PyClass, list: SharedList) {
        self.list = list
        super.init(cls: cls)
    }
}

final class MPDictProxy: PyInstance, @unchecked Sendable {
    let dict: SharedDict
    init(cls: PyClass, dict: SharedDict) {
        self.dict = dict
        super.init(cls: cls)
    }
}

extension Interpreter {
    func makeManagerClasses(_ state: MultiprocessingState) throws -> (manager: PyClass, list: PyClass, dict: PyClass) {
        let listClass = makeNativeClass(name: "ListProxy", module: "multiprocessing.managers", constructor: nil, methods: [:])
        let dictClass = makeNativeClass(name: "DictProxy", module: "multiprocessing.managers", constructor: nil, methods: [:])
        let valueClass = makeNativeClass(name: "ValueProxy", module: "multiprocessing.managers", constructor: nil, methods: [:])
        let manager = makeNativeClass(name: "SyncManager", module: "multiprocessing.managers", constructor: nil, methods: [:])
        manager.constructor = { interp, args in
            _ = try NativeArguments(interp, args, function: "Manager", parameters: [])
            // CPython's manager is a process: it takes a number from the process counter.
            _ = state.nextIdentity()
            return MPManager(cls: manager)
        }
        let mb = NativeClassBuilder(manager, MPManager.self)
        mb.method("list", ["sequence"]) { interp, _, a in
            let initial = try a["sequence"].map { try interp.iterateToArray($0) } ?? []
            let l = MPListProxy(cls: listClass, list: try SharedList(in: try SharedMemoryRegion(size: 1 << 20), capacityBytes: 1 << 19,
                                                                  initial: try initial.map { try interp.pickleBytes($0) }))
            state.managerMade.insert(state.register(shared: l))
            return l
        }
        mb.method("dict", ["mapping"]) { interp, _, a in
            let d = MPDictProxy(cls: dictClass, dict: try SharedDict(in: try SharedMemoryRegion(size: 1 << 20), capacityBytes: 1 << 19))
            if let source = a["mapping"] {
                let pairs = try interp.iterateToArray(try interp.callPython(try interp.getAttribute(PyDict.from(interp, source), "items"), []))
                for pair in pairs {
                    let kv = try interp.iterateToArray(pair)
                    try d.dict.set(try interp.pickleBytes(kv[1]), for: try interp.pickleBytes(kv[0]))
                }
            }
            state.managerMade.insert(state.register(shared: d))
            return d
        }
        mb.method("Value", ["typecode", "value"]) { interp, _, a in
            let l = MPListProxy(cls: valueClass, list: try SharedList(in: try SharedMemoryRegion(size: 1 << 16), capacityBytes: 1 << 15,
                                                                   initial: [try interp.pickleBytes(a.raw("value") ?? PyNone.shared)]))
            state.managerMade.insert(state.register(shared: l))
            return l
        }
        for (name, body) in [("Lock", state.classes.lock), ("RLock", state.classes.rlock), ("Queue", state.classes.queue),
                             ("JoinableQueue", state.classes.joinableQueue), ("Event", state.classes.event),
                             ("Semaphore", state.classes.semaphore), ("BoundedSemaphore", state.classes.boundedSemaphore),
                             ("Condition", state.classes.condition), ("Barrier", state.classes.barrier), ("Array", state.classes.array)] {
            manager.dict[name] = PyNativeFunction(name, owner: "SyncManager", isMethod: true) { interp, args in
                var a = args
                a.positional.removeFirst()
                let made = try interp.call(body, a)
                if let id = state.sharedObjects.first(where: { $0.value === made })?.key { state.managerMade.insert(id) }
                return made
            }
        }
        mb.method("__enter__") { _, m, _ in m }
        mb.method("__exit__", ["t", "v", "tb"]) { _, m, _ in m.running = false; return PyNone.shared }
        mb.method("shutdown") { _, m, _ in m.running = false; return PyNone.shared }
        mb.method("start") { _, _, _ in PyNone.shared }

        let vb = NativeClassBuilder(valueClass, MPListProxy.self)
        vb.property("value", get: { interp, v in try interp.unpickle(bytes: try v.list.element(at: 0) ?? []) },
                    set: { interp, v, new in _ = try v.list.set(try interp.pickleBytes(new), at: 0) })
        vb.method("get") { interp, v, _ in try interp.unpickle(bytes: try v.list.element(at: 0) ?? []) }
        vb.method("set", ["value"]) { interp, v, a in
            _ = try v.list.set(try interp.pickleBytes(a.raw("value") ?? PyNone.shared), at: 0)
            return PyNone.shared
        }

        // ListProxy: each operation reads or updates the shared list.
        let lb = NativeClassBuilder(listClass, MPListProxy.self)
        func snapshot(_ interp: Interpreter, _ l: MPListProxy) throws -> PyList {
            PyList(try l.list.snapshot().map { try interp.unpickle(bytes: $0) })
        }
        func replace(_ interp: Interpreter, _ l: MPListProxy, _ items: [PyObject]) throws {
            let encoded = try items.map { try interp.pickleBytes($0) }
            try l.list.removeAll()
            try l.list.extend(encoded)
        }
        lb.method("append", ["object"]) { interp, l, a in
            try l.list.append(try interp.pickleBytes(a.raw("object") ?? PyNone.shared))
            return PyNone.shared
        }
        lb.method("extend", ["iterable"]) { interp, l, a in
            try l.list.extend(try interp.iterateToArray(a.raw("iterable") ?? PyList()).map { try interp.pickleBytes($0) })
            return PyNone.shared
        }
        lb.method("insert", ["index", "object"]) { interp, l, a in
            try l.list.insert(try interp.pickleBytes(a.raw("object") ?? PyNone.shared), at: try interp.intArg(a.raw("index") ?? PyInt.make(0)))
            return PyNone.shared
        }
        for name in ["pop", "remove", "index", "count", "sort", "reverse", "clear", "copy"] {
            lb.method(name, ["a", "b"]) { interp, l, a in
                let local = try snapshot(interp, l)
                var args: [PyObject] = []
                if let x = a.raw("a") { args.append(x) }
                if let y = a.raw("b") { args.append(y) }
                let result = try interp.callPython(try interp.getAttribute(local, name), args)
                if ["pop", "remove", "sort", "reverse", "clear"].contains(name) { try replace(interp, l, local.items) }
                return result
            }
        }
        try lb.dunders(self, [
            "__len__": { _, l, _ in PyInt.make(try l.list.count()) },
            "__getitem__": { interp, l, args in try interp.getItem(try snapshot(interp, l), args.first ?? PyNone.shared) },
            "__setitem__": { interp, l, args in
                let local = try snapshot(interp, l)
                try interp.setItem(local, args[0], args[1])
                try replace(interp, l, local.items)
                return PyNone.shared
            },
            "__delitem__": { interp, l, args in
                let local = try snapshot(interp, l)
                try interp.deleteItem(local, args[0])
                try replace(interp, l, local.items)
                return PyNone.shared
            },
            "__iter__": { interp, l, _ in try interp.getIterator(try snapshot(interp, l)) },
            "__contains__": { interp, l, args in PyBool.of(try interp.contains(try snapshot(interp, l), args[0])) },
            "__str__": { interp, l, _ in PyString(try interp.repr(try snapshot(interp, l))) },
            "__repr__": { interp, l, _ in
                PyString("<ListProxy object, typeid 'list' at \(PicklingRules.hexAddress(UInt(bitPattern: interp.id(of: l))))>")
            },
        ])

        // DictProxy: keys are pickled, so equal keys of the same type find each other.
        let db = NativeClassBuilder(dictClass, MPDictProxy.self)
        func localDict(_ interp: Interpreter, _ d: MPDictProxy) throws -> PyDict {
            let out = PyDict()
            for (k, v) in try d.dict.items() { try interp.dictSet(out, try interp.unpickle(bytes: k), try interp.unpickle(bytes: v)) }
            return out
        }
        func getValue(_ interp: Interpreter, _ d: MPDictProxy, _ key: PyObject) throws -> PyObject? {
            try d.dict.value(for: try interp.pickleBytes(key)).map { try interp.unpickle(bytes: $0) }
        }
        db.method("get", ["key", "default"]) { interp, d, a in try getValue(interp, d, a.raw("key") ?? PyNone.shared) ?? (a.raw("default") ?? PyNone.shared) }
        db.method("setdefault", ["key", "default"]) { interp, d, a in
            let key = a.raw("key") ?? PyNone.shared
            if let v = try getValue(interp, d, key) { return v }
            let v = a.raw("default") ?? PyNone.shared
            try d.dict.set(try interp.pickleBytes(v), for: try interp.pickleBytes(key))
            return v
        }
        db.method("pop", ["key", "default"]) { interp, d, a in
            let key = a.raw("key") ?? PyNone.shared
            if let v = try d.dict.removeValue(for: try interp.pickleBytes(key)) { return try interp.unpickle(bytes: v) }
            if let def = a.raw("default") { return def }
            throw interp.keyError(key)
        }
        db.method("update", ["other"]) { interp, d, a in
            if let other = a.raw("other") {
                let local = try PyDict.from(interp, other)
                for k in interp.dictKeys(local) {
                    try d.dict.set(try interp.pickleBytes(try interp.dictGet(local, k) ?? PyNone.shared), for: try interp.pickleBytes(k))
                }
            }
            return PyNone.shared
        }
        db.method("keys") { interp, d, _ in PyList(try d.dict.keys().map { try interp.unpickle(bytes: $0) }) }
        db.method("values") { interp, d, _ in PyList(try d.dict.values().map { try interp.unpickle(bytes: $0) }) }
        db.method("items") { interp, d, _ in
            PyList(try d.dict.items().map { PyTuple([try interp.unpickle(bytes: $0.key), try interp.unpickle(bytes: $0.value)]) })
        }
        db.method("copy") { interp, d, _ in try localDict(interp, d) }
        db.method("clear") { _, d, _ in try d.dict.removeAll(); return PyNone.shared }
        try db.dunders(self, [
            "__len__": { _, d, _ in PyInt.make(try d.dict.count()) },
            "__getitem__": { interp, d, args in
                guard let v = try getValue(interp, d, args[0]) else { throw interp.keyError(args[0]) }
                return v
            },
            "__setitem__": { interp, d, args in
                try d.dict.set(try interp.pickleBytes(args[1]), for: try interp.pickleBytes(args[0]))
                return PyNone.shared
            },
            "__delitem__": { interp, d, args in
                guard try d.dict.removeValue(for: try interp.pickleBytes(args[0])) != nil else { throw interp.keyError(args[0]) }
                return PyNone.shared
            },
            "__iter__": { interp, d, _ in try interp.getIterator(PyList(try d.dict.keys().map { try interp.unpickle(bytes: $0) })) },
            "__contains__": { interp, d, args in PyBool.of(try d.dict.contains(try interp.pickleBytes(args[0]))) },
            "__str__": { interp, d, _ in PyString(try interp.repr(try localDict(interp, d))) },
            "__repr__": { interp, d, _ in
                PyString("<DictProxy object, typeid 'dict' at \(PicklingRules.hexAddress(UInt(bitPattern: interp.id(of: d))))>")
            },
        ])
        return (manager, listClass, dictClass)
    }
}

extension PyDict {
    /// `dict(x)` for a mapping or an iterable of pairs.
    static func from(_ interp: Interpreter, _ source: PyObject) throws -> PyDict {
        if let d = source as? PyDict { return d }
        guard let d = try interp.call(BuiltinTypes.dict, CallArgs([source])) as? PyDict else {
            throw interp.typeError("cannot convert '\(interp.typeName(source))' object to a dict")
        }
        return d
    }
}
