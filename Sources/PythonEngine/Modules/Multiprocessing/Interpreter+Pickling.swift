import BigInt

/// Interpreter objects to and from `PickleValue`, with CPython's refusals (`PicklingRules`).
///
/// Functions, classes and instances of module-level classes travel by qualified name: under
/// `fork` the receiver is a copy of the sender, so it finds the same definitions in its own
/// globals. Shared objects of the bridge (queues, locks, `Value`, manager proxies) travel by an
/// id in `MultiprocessingState.sharedObjects`, which the receiver inherited at fork.
extension Interpreter {
    /// Marker module names for values `PickleValue` has no case for.
    private static let sharedMarker = "\u{0}mp.shared"
    private static let boundMethodMarker = "\u{0}mp.boundmethod"
    /// An exception with attributes in its `__dict__` (pickle restores them after `cls(*args)`).
    private static let exceptionStateMarker = "\u{0}mp.exceptionstate"

    func pickle(_ object: PyObject) throws -> PickleValue {
        try pickle(object, depth: 0)
    }

    /// Pickles a pool task's function or argument, with CPython's refusal of objects that may
    /// only be shared by inheritance.
    func pickleForPool(_ object: PyObject) throws -> PickleValue {
        let state = try? multiprocessingState()
        state?.picklingPoolTask = true
        defer { state?.picklingPoolTask = false }
        return try pickle(object)
    }

    /// `object` as message bytes (a queue item, a pipe message, a pool result), through the
    /// direct writer (`Interpreter+DirectPickling.swift`): the same bytes and errors as
    /// `pickle(object).encode()`.
    func pickleBytes(_ object: PyObject) throws -> [UInt8] {
        var writer = DirectPickleWriter()
        try writePickled(object, into: &writer, depth: 0, wireDepth: 1)
        return try writer.finish(self)
    }

    /// The general path: any picklable object to a `PickleValue`, `depth` levels deep in the
    /// object being pickled.
    func pickle(_ object: PyObject, depth: Int) throws -> PickleValue {
        if depth > PickleValue.maximumDepth {
            throw pythonError("RecursionError", "maximum recursion depth exceeded while pickling an object")
        }
        let d = depth + 1
        switch object {
        case is PyNone: return .none
        case let b as PyBool: return .bool(b.boolValue)
        case let i as PyInt where type(of: i) == PyInt.self: return .int(i.bigValue)
        case let f as PyFloat: return .float(f.value)
        case let s as PyString: return .str(s.value)
        case let b as PyBytes: return .bytes(b.value)
        case let l as PyList where type(of: l) == PyList.self: return .list(try l.items.map { try pickle($0, depth: d) })
        case let t as PyTuple where type(of: t) == PyTuple.self: return .tuple(try t.items.map { try pickle($0, depth: d) })
        case let counter as PyCounter:
            return .instance(module: "collections", qualname: "Counter", state: [.init(.none, try pickle(plainDict(counter), depth: d))])
        case let ordered as PyOrderedDict:
            return .instance(module: "collections", qualname: "OrderedDict", state: [.init(.none, try pickle(plainDict(ordered), depth: d))])
        case let dd as PyDefaultDict:
            return .instance(module: "collections", qualname: "defaultdict", state: [
                .init(.none, try pickle(plainDict(dd), depth: d)), .init(.str("default_factory"), try pickle(dd.factory ?? PyNone.shared, depth: d)),
            ])
        case let dq as PyDeque:
            return .instance(module: "collections", qualname: "deque", state: [
                .init(.none, .list(try dq.items.map { try pickle($0, depth: d) })), .init(.str("maxlen"), dq.maxlen.map { .int(BigInt($0)) } ?? .none),
            ])
        case let nt as PyNamedTuple:
            if let failure = PicklingRules.classFailure(qualname: nt.cls.qualifiedName, module: nt.cls.moduleName, lookup: lookupGlobal(nt.cls.qualifiedName, nt.cls)) {
                throw picklingFailure(failure)
            }
            return .instance(module: nt.cls.moduleName, qualname: nt.cls.qualifiedName, state: [
                .init(.str("__namedtuple__"), .tuple(try nt.items.map { try pickle($0, depth: d) })),
            ])
        case let dict as PyDict where type(of: dict) == PyDict.self:
            return .dict(try dictKeys(dict).map { key in
                PickleValue.Pair(try pickle(key, depth: d), try pickle(try dictGet(dict, key) ?? PyNone.shared, depth: d))
            })
        case let s as PySet:
            let items = try setItems(s).map { try pickle($0, depth: d) }
            return s.frozen ? .frozenset(items) : .set(items)
        case let r as PyRange:
            return .instance(module: "builtins", qualname: "range", state: [
                .init(.str("start"), .int(r.start)), .init(.str("stop"), .int(r.stop)), .init(.str("step"), .int(r.step)),
            ])
        case let e as PyExceptionObject:
            let plain = PickleValue.exception(typeName: exceptionTypeName(e.cls), args: try e.args.map { try pickle($0, depth: d) },
                                              message: (try? str(e)) ?? "")
            if e.attributes.isEmpty { return plain }
            var state: [PickleValue.Pair] = [.init(.none, plain)]
            for (key, value) in e.attributes.sorted(by: { $0.key < $1.key }) {
                state.append(.init(.str(key), try pickle(value, depth: d)))
            }
            return .instance(module: Self.exceptionStateMarker, qualname: "", state: state)
        case let f as PyFunction:
            return try pickleFunction(f)
        case let n as PyNativeFunction:
            // A method of a builtin type (`str.upper`) pickles as its owner's attribute, as
            // CPython's method descriptors do.
            if let owner = n.ownerName, n.isMethod, builtins[owner] is PyClass {
                return .function(module: "builtins", qualname: "\(owner).\(n.name)")
            }
            return .function(module: nativeFunctionModule(n), qualname: n.name)
        case let m as PyBoundMethod:
            guard let name = (try? getAttribute(m.function, "__name__")) as? PyString else {
                throw typeError("cannot pickle '\(typeName(object))' object")
            }
            return .instance(module: Self.boundMethodMarker, qualname: name.value, state: [.init(.str("self"), try pickle(m.receiver, depth: d))])
        case let c as PyClass:
            if c.isBuiltin && (c.moduleName == "builtins") { return .class(module: "builtins", qualname: c.name) }
            if let failure = PicklingRules.classFailure(qualname: c.qualifiedName, module: c.moduleName, lookup: lookupGlobal(c.qualifiedName, c)) {
                throw picklingFailure(failure)
            }
            return .class(module: c.moduleName, qualname: c.qualifiedName)
        default:
            break
        }
        if let state = try? multiprocessingState(), let id = state.sharedObjects.first(where: { $0.value === object })?.key {
            if state.picklingPoolTask && !state.managerMade.contains(id) && !(object is MPConnection) {
                throw pythonError("RuntimeError", "\(typeName(object)) objects should only be shared between processes through inheritance")
            }
            return .instance(module: Self.sharedMarker, qualname: String(id), state: [])
        }
        if let inst = object as? PyInstance, !inst.cls.isBuiltin {
            let c = inst.cls
            if let failure = PicklingRules.classFailure(qualname: c.qualifiedName, module: c.moduleName, lookup: lookupGlobal(c.qualifiedName, c)) {
                throw picklingFailure(failure)
            }
            var state: [PickleValue.Pair] = []
            for (key, value) in inst.attributes.sorted(by: { $0.key < $1.key }) {
                state.append(.init(.str(key), try pickle(value, depth: d)))
            }
            if let base = inst.builtinValue {
                state.append(.init(.none, try pickle(base, depth: d)))
            }
            return .instance(module: c.moduleName, qualname: c.qualifiedName, state: state)
        }
        throw typeError("cannot pickle '\(typeName(object))' object")
    }

    private func pickleFunction(_ f: PyFunction) throws -> PickleValue {
        let lookup = f.name == "<lambda>" ? PicklingRules.Lookup.notFound : lookupGlobal(f.qualifiedName, f)
        if let failure = PicklingRules.functionFailure(qualname: f.qualifiedName, module: f.moduleName, isLambda: f.name == "<lambda>",
                                                       address: UInt(bitPattern: id(of: f)), lookup: lookup) {
            throw picklingFailure(failure)
        }
        return .function(module: f.moduleName, qualname: f.qualifiedName)
    }

    /// Finds `qualname` (`f` or `C.f`) in the main module, as `pickle` does with `getattr`.
    private func lookupGlobal(_ qualname: String, _ object: PyObject) -> PicklingRules.Lookup {
        guard let found = resolveQualifiedName(qualname) else { return .notFound }
        if found === object { return .sameObject }
        if let sm = found as? PyStaticMethod, sm.function === object { return .sameObject }
        return .differentObject
    }

    func resolveQualifiedName(_ qualname: String) -> PyObject? {
        // A plain name (every module-level function sent to a pool) needs no splitting.
        if !qualname.utf8.contains(UInt8(ascii: ".")) {
            guard !qualname.isEmpty else { return nil }
            return mainGlobals.values[qualname]
        }
        let parts = qualname.split(separator: ".").map(String.init)
        guard let first = parts.first, var current = mainGlobals.values[first] else { return nil }
        for part in parts.dropFirst() {
            if let c = current as? PyClass, let v = c.dict[part] {
                current = v
            } else if let m = current as? PyModule, let v = m.dict[part] {
                current = v
            } else {
                return nil
            }
        }
        return current
    }

    private func nativeFunctionModule(_ n: PyNativeFunction) -> String {
        if builtins[n.name] === n { return "builtins" }
        for (name, module) in modules.sorted(by: { $0.key < $1.key }) where module.dict[n.name] === n {
            return name
        }
        return "builtins"
    }

    func exceptionTypeName(_ cls: PyClass) -> String {
        cls.moduleName == "builtins" ? cls.name : "\(cls.moduleName).\(cls.qualifiedName)"
    }

    func picklingFailure(_ failure: PicklingFailure) -> PyError {
        if failure.pythonExceptionType == "_pickle.PicklingError", let classes = try? multiprocessingState().classes {
            return error(classes.picklingError, failure.message)
        }
        return pythonError(failure.pythonExceptionType, failure.message)
    }

    // MARK: Rebuilding

    func unpickle(bytes: [UInt8]) throws -> PyObject {
        if let simple = directUnpickle(bytes) { return simple }
        let value: PickleValue
        do {
            value = try PickleValue(decoding: bytes)
        } catch let e as PickleError {
            if let classes = try? multiprocessingState().classes { throw error(classes.unpicklingError, e.description) }
            throw pythonError("RuntimeError", e.description)
        }
        return try unpickle(value)
    }

    func unpickle(_ value: PickleValue) throws -> PyObject {
        switch value {
        case .none: return PyNone.shared
        case .bool(let b): return PyBool.of(b)
        case .int(let i): return PyInt.make(i)
        case .float(let f): return PyFloat(f)
        case .str(let s): return PyString(s)
        case .bytes(let b): return PyBytes(b)
        case .list(let items): return PyList(try items.map(unpickle))
        case .tuple(let items): return PyTuple(try items.map(unpickle))
        case .dict(let pairs):
            let d = PyDict()
            for p in pairs { try dictSet(d, try unpickle(p.key), try unpickle(p.value)) }
            return d
        case .set(let items): return try makeSet(try items.map(unpickle))
        case .frozenset(let items): return try makeSet(try items.map(unpickle), frozen: true)
        case let .exception(typeName, args, message):
            let cls = exceptionClass(named: typeName)
            let values = try args.map(unpickle)
            // As pickle does (`cls(*args)`): a user class's `__init__` runs again and sets its
            // attributes; if it cannot take the args, the plain exception keeps them.
            if let cls, !cls.isBuiltin, let made = try? call(cls, CallArgs(values)) as? PyExceptionObject {
                return made
            }
            let e = newException(cls ?? ExceptionTypes.exception, values)
            if cls == nil { e.args = [PyString("\(typeName): \(message)")] }
            return e
        case let .function(module, qualname):
            if module == "builtins", let f = builtins[qualname] { return f }
            if module == "builtins", let dot = qualname.firstIndex(of: "."), let owner = builtins[String(qualname[..<dot])] {
                return try getAttribute(owner, String(qualname[qualname.index(after: dot)...]))
            }
            if module != "__main__", module != "__mp_main__", let m = modules[module], let f = m.dict[qualname] { return f }
            guard let f = resolveQualifiedName(qualname) else {
                throw attributeError("Can't get attribute '\(qualname)' on <module '\(module)'>")
            }
            return f
        case let .class(module, qualname):
            if module == "builtins", let c = builtins[qualname] { return c }
            guard let c = resolveQualifiedName(qualname) else {
                throw attributeError("Can't get attribute '\(qualname)' on <module '\(module)'>")
            }
            return c
        case let .instance(module, qualname, state):
            return try unpickleInstance(module: module, qualname: qualname, state: state)
        }
    }

    private func unpickleInstance(module: String, qualname: String, state: [PickleValue.Pair]) throws -> PyObject {
        func field(_ name: String) -> PickleValue? { state.first { $0.key == .str(name) }?.value }
        if module == Self.sharedMarker {
            guard let id = Int(qualname), let object = try multiprocessingState().sharedObjects[id] else {
                throw pythonError("RuntimeError", "a shared multiprocessing object can only be passed to processes created after it")
            }
            return object
        }
        if module == Self.exceptionStateMarker {
            let exception = try unpickle(state.first { $0.key == .none }?.value ?? .none)
            if let inst = exception as? PyInstance {
                for pair in state {
                    if case .str(let key) = pair.key { inst.attributes[key] = try unpickle(pair.value) }
                }
            }
            return exception
        }
        if module == Self.boundMethodMarker {
            let receiver = try unpickle(field("self") ?? .none)
            return try getAttribute(receiver, qualname)
        }
        if module == "collections" {
            let content = try state.first { $0.key == .none }.map { try unpickle($0.value) }
            return try unpickleCollection(qualname, content, field)
        }
        if case .tuple(let items)? = field("__namedtuple__"), let cls = resolveQualifiedName(qualname) as? PyClass {
            return PyNamedTuple(cls: cls, items: try items.map(unpickle))
        }
        if module == "builtins" && qualname == "range" {
            guard case .int(let a)? = field("start"), case .int(let b)? = field("stop"), case .int(let c)? = field("step") else {
                throw pythonError("RuntimeError", "malformed range in pickle data")
            }
            return PyRange(start: a, stop: b, step: c)
        }
        guard let cls = resolveQualifiedName(qualname) as? PyClass else {
            throw attributeError("Can't get attribute '\(qualname)' on <module '\(module)'>")
        }
        let inst = PyInstance(cls: cls)
        for pair in state {
            if case .str(let key) = pair.key {
                inst.attributes[key] = try unpickle(pair.value)
            } else if pair.key == .none {
                inst.builtinValue = try unpickle(pair.value)
            }
        }
        return inst
    }

    private func plainDict(_ d: PyDict) -> PyDict {
        let out = PyDict()
        out.table = d.table
        return out
    }

    private func unpickleCollection(_ name: String, _ content: PyObject?, _ field: (String) -> PickleValue?) throws -> PyObject {
        switch name {
        case "Counter", "OrderedDict", "defaultdict":
            let out: PyDict = name == "Counter" ? PyCounter() : name == "OrderedDict" ? PyOrderedDict() : PyDefaultDict()
            if let source = content as? PyDict { out.table = source.table }
            if let dd = out as? PyDefaultDict, let f = field("default_factory") {
                let factory = try unpickle(f)
                dd.factory = factory is PyNone ? nil : factory
            }
            return out
        case "deque":
            let dq = PyDeque((content as? PyList)?.items ?? [])
            if case .int(let m)? = field("maxlen") { dq.maxlen = Int(m) }
            return dq
        default:
            throw attributeError("Can't get attribute '\(name)' on <module 'collections'>")
        }
    }

    func exceptionClass(named typeName: String) -> PyClass? {
        if let c = ExceptionTypes.byName[typeName] { return c }
        if let dot = typeName.lastIndex(of: ".") {
            let module = String(typeName[..<dot])
            let name = String(typeName[typeName.index(after: dot)...])
            if module == "__main__" || module == "__mp_main__" {
                return resolveQualifiedName(name) as? PyClass
            }
            if let classes = try? multiprocessingState().classes {
                for c in [classes.timeoutError, classes.processError, classes.picklingError, classes.unpicklingError,
                          classes.remoteTraceback, classes.maybeEncodingError, classes.queueEmpty, classes.queueFull,
                          classes.brokenBarrierError, classes.brokenProcessPool, classes.authenticationError, classes.bufferTooShort]
                    where exceptionTypeName(c) == typeName {
                    return c
                }
            }
        }
        return nil
    }
}
