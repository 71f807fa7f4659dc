/// `collections`: defaultdict, Counter, OrderedDict and deque reuse the dict/list storage (so
/// every builtin operation works on them) with their own classes, reprs and missing-key rules.
enum CollectionsTypes {
    static let defaultdict = PyClass(name: "defaultdict", bases: [BuiltinTypes.dict], module: "collections")
    static let counter = PyClass(name: "Counter", bases: [BuiltinTypes.dict], module: "collections")
    static let orderedDict = PyClass(name: "OrderedDict", bases: [BuiltinTypes.dict], module: "collections")
    static let deque = PyClass(name: "deque", bases: [BuiltinTypes.object], module: "collections")
    static let installation = OncePerProcess()
}

final class PyDefaultDict: PyDict, @unchecked Sendable {
    var factory: PyObject?
    override var pyClass: PyClass { CollectionsTypes.defaultdict }
}

final class PyCounter: PyDict, @unchecked Sendable {
    override var pyClass: PyClass { CollectionsTypes.counter }
}

final class PyOrderedDict: PyDict, @unchecked Sendable {
    override var pyClass: PyClass { CollectionsTypes.orderedDict }
}

final class PyDeque: PyList, @unchecked Sendable {
    var maxlen: Int?
    override var pyClass: PyClass { CollectionsTypes.deque }
    func trim(fromFront: Bool) {
        guard let m = maxlen, items.count > m else { return }
        if fromFront { items.removeFirst(items.count - m) } else { items.removeLast(items.count - m) }
    }
}

/// Instances of classes made by `namedtuple`.
final class PyNamedTuple: PyTuple, @unchecked Sendable {
    let cls: PyClass
    init(cls: PyClass, items: [PyObject]) {
        self.cls = cls
        super.init(items)
    }
    override var pyClass: PyClass { cls }
}

extension Interpreter {
    func makeCollectionsModule() -> PyModule {
        let m = PyModule(name: "collections")
        // These classes are one per process, shared by every interpreter: their constructors and
        // methods (which take the interpreter as an argument) are installed once.
        CollectionsTypes.installation.run {
            CollectionsTypes.defaultdict.constructor = { i, a in
                let d = PyDefaultDict()
                if let f = a.positional.first, !(f is PyNone) {
                    if !(f is PyClass || f is PyFunction || f is PyNativeFunction || f is PyBoundMethod) {
                        throw i.typeError("first argument must be callable or None")
                    }
                    d.factory = f
                }
                if a.positional.count > 1 { try i.dictUpdate(d, a.positional[1]) }
                for (k, v) in a.keywords { try i.dictSet(d, PyString(k), v) }
                return d
            }
            CollectionsTypes.orderedDict.constructor = { i, a in
                let d = PyOrderedDict()
                if let src = a.positional.first { try i.dictUpdate(d, src) }
                for (k, v) in a.keywords { try i.dictSet(d, PyString(k), v) }
                return d
            }
            CollectionsTypes.counter.constructor = { i, a in
                let c = PyCounter()
                if let src = a.positional.first { try i.counterUpdate(c, src, sign: 1) }
                for (k, v) in a.keywords { try i.dictSet(c, PyString(k), v) }
                return c
            }
            let counter = CollectionsTypes.counter
            BuiltinMethodTables.method(counter, "most_common") { i, a in
                let c = try BuiltinMethodTables.receiver(i, a, PyDict.self, "most_common")
                var pairs = c.table.liveIndices.map { (c.table.keys[$0]!, c.table.values[$0]!) }
                try i.stableSortDescending(&pairs)
                if a.positional.count > 1, !(a.positional[1] is PyNone) { pairs = Array(pairs.prefix(max(0, try i.intArg(a.positional[1])))) }
                return PyList(pairs.map { PyTuple([$0.0, $0.1]) })
            }
            BuiltinMethodTables.method(counter, "update") { i, a in
                let c = try BuiltinMethodTables.receiver(i, a, PyDict.self, "update")
                if a.positional.count > 1 { try i.counterUpdate(c, a.positional[1], sign: 1) }
                return PyNone.shared
            }
            BuiltinMethodTables.method(counter, "subtract") { i, a in
                let c = try BuiltinMethodTables.receiver(i, a, PyDict.self, "subtract")
                if a.positional.count > 1 { try i.counterUpdate(c, a.positional[1], sign: -1) }
                return PyNone.shared
            }
            BuiltinMethodTables.method(counter, "total") { i, a in
                let c = try BuiltinMethodTables.receiver(i, a, PyDict.self, "total")
                var t: PyObject = PyInt.make(0)
                for idx in c.table.liveIndices { t = try i.binaryOp(.add, t, c.table.values[idx]!) }
                return t
            }
            BuiltinMethodTables.method(counter, "elements") { i, a in
                let c = try BuiltinMethodTables.receiver(i, a, PyDict.self, "elements")
                var out: [PyObject] = []
                for idx in c.table.liveIndices {
                    let n = (c.table.values[idx] as? PyInt)?.small ?? 0
                    for _ in 0..<max(0, n) { out.append(c.table.keys[idx]!) }
                }
                return PyList(out).asIterator()
            }
            let dq = CollectionsTypes.deque
            dq.constructor = { i, a in
                let d = PyDeque()
                if let src = a.positional.first { d.items = try i.iterateToArray(src) }
                if let ml = a.positional.count > 1 ? a.positional[1] : a.keyword("maxlen"), !(ml is PyNone) {
                    d.maxlen = try i.intArg(ml)
                    d.trim(fromFront: true)
                }
                return d
            }
            func deque(_ i: Interpreter, _ a: CallArgs, _ n: String) throws -> PyDeque {
                guard let d = a.positional.first as? PyDeque else { throw i.typeError("descriptor '\(n)' requires a 'collections.deque' object") }
                return d
            }
            BuiltinMethodTables.method(dq, "append") { i, a in
                let d = try deque(i, a, "append"); d.items.append(try i.arg(a, 1, "append")); d.trim(fromFront: true); return PyNone.shared
            }
            BuiltinMethodTables.method(dq, "appendleft") { i, a in
                let d = try deque(i, a, "appendleft"); d.items.insert(try i.arg(a, 1, "appendleft"), at: 0); d.trim(fromFront: false); return PyNone.shared
            }
            BuiltinMethodTables.method(dq, "pop") { i, a in
                let d = try deque(i, a, "pop")
                guard let v = d.items.popLast() else { throw i.indexError("pop from an empty deque") }
                return v
            }
            BuiltinMethodTables.method(dq, "popleft") { i, a in
                let d = try deque(i, a, "popleft")
                if d.items.isEmpty { throw i.indexError("pop from an empty deque") }
                return d.items.removeFirst()
            }
            BuiltinMethodTables.method(dq, "extend") { i, a in
                let d = try deque(i, a, "extend"); d.items += try i.iterateToArray(try i.arg(a, 1, "extend")); d.trim(fromFront: true); return PyNone.shared
            }
            BuiltinMethodTables.method(dq, "extendleft") { i, a in
                let d = try deque(i, a, "extendleft")
                for v in try i.iterateToArray(try i.arg(a, 1, "extendleft")) { d.items.insert(v, at: 0) }
                d.trim(fromFront: false)
                return PyNone.shared
            }
            BuiltinMethodTables.method(dq, "rotate") { i, a in
                let d = try deque(i, a, "rotate")
                let n = try a.positional.count > 1 ? i.intArg(a.positional[1]) : 1
                guard !d.items.isEmpty else { return PyNone.shared }
                let k = ((n % d.items.count) + d.items.count) % d.items.count
                d.items = Array(d.items[(d.items.count - k)...] + d.items[..<(d.items.count - k)])
                return PyNone.shared
            }
            BuiltinMethodTables.method(dq, "clear") { i, a in try deque(i, a, "clear").items.removeAll(); return PyNone.shared }
            for name in ["count", "index", "remove", "reverse", "copy"] {
                if let f = BuiltinTypes.list.dict[name] { dq.dict[name] = f }
            }
        }
        m.dict["defaultdict"] = CollectionsTypes.defaultdict
        m.dict["Counter"] = CollectionsTypes.counter
        m.dict["OrderedDict"] = CollectionsTypes.orderedDict
        m.dict["deque"] = CollectionsTypes.deque
        m.dict["namedtuple"] = native("namedtuple") { i, a in
            guard let name = try i.arg(a, 0, "namedtuple", "typename") as? PyString else { throw i.typeError("typename must be a string") }
            let spec = try i.arg(a, 1, "namedtuple", "field_names")
            var fields: [String]
            if let s = spec as? PyString {
                fields = s.value.split { $0 == "," || $0 == " " }.map(String.init)
            } else {
                fields = try i.iterateToArray(spec).map { (($0 as? PyString)?.value) ?? "" }
            }
            let defaults = try a.keyword("defaults").map { try i.iterateToArray($0) } ?? []
            let cls = PyClass(name: name.value, bases: [BuiltinTypes.tuple], module: "__main__")
            cls.constructor = { interp, b in
                var values: [PyObject?] = Array(repeating: nil, count: fields.count)
                if b.positional.count > fields.count {
                    throw interp.typeError("\(name.value).__new__() takes \(fields.count + 1) positional arguments but \(b.positional.count + 1) were given")
                }
                for (k, v) in b.positional.enumerated() { values[k] = v }
                for (k, v) in b.keywords {
                    guard let idx = fields.firstIndex(of: k) else { throw interp.typeError("\(name.value).__new__() got an unexpected keyword argument '\(k)'") }
                    values[idx] = v
                }
                let firstDefault = fields.count - defaults.count
                for k in 0..<fields.count where values[k] == nil && k >= firstDefault { values[k] = defaults[k - firstDefault] }
                let missing = fields.indices.filter { values[$0] == nil }.map { fields[$0] }
                if !missing.isEmpty {
                    throw interp.typeError("\(name.value).__new__() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(interp.quotedList(missing))")
                }
                return PyNamedTuple(cls: cls, items: values.map { $0! })
            }
            for (k, f) in fields.enumerated() {
                cls.dict[f] = PyProperty(getter: PyNativeFunction(f) { interp, b in
                    guard let t = b.positional.first as? PyTuple, k < t.items.count else { throw interp.typeError("descriptor '\(f)' needs a '\(name.value)' object") }
                    return t.items[k]
                }, setter: nil, deleter: nil)
            }
            cls.dict["_fields"] = PyTuple(fields.map { PyString($0) })
            BuiltinMethodTables.method(cls, "_asdict") { interp, b in
                let d = PyDict()
                guard let t = b.positional.first as? PyTuple else { throw interp.typeError("_asdict() needs a '\(name.value)' object") }
                for (k, f) in fields.enumerated() where k < t.items.count { try interp.dictSet(d, PyString(f), t.items[k]) }
                return d
            }
            BuiltinMethodTables.method(cls, "_replace") { interp, b in
                guard let t = b.positional.first as? PyTuple else { return PyNone.shared }
                var items = t.items
                for (k, v) in b.keywords {
                    guard let idx = fields.firstIndex(of: k) else { throw interp.valueError("Got unexpected field names: ['\(k)']") }
                    items[idx] = v
                }
                return PyNamedTuple(cls: cls, items: items)
            }
            return cls
        }
        return m
    }

    func counterUpdate(_ c: PyDict, _ src: PyObject, sign: Int) throws {
        if let d = src as? PyDict {
            for k in dictKeys(d) {
                let old = try dictGet(c, k) ?? PyInt.make(0)
                let v = try dictGet(d, k)!
                try dictSet(c, k, try binaryOp(sign > 0 ? .add : .sub, old, v))
            }
            return
        }
        let it = try getIterator(src)
        while let x = try nextItem(it) {
            let old = try dictGet(c, x) ?? PyInt.make(0)
            try dictSet(c, x, try binaryOp(.add, old, PyInt.make(sign)))
        }
    }

    /// `Counter + Counter` and `Counter - Counter`, as collections.py does them: counts combined
    /// key by key in the left operand's order, then the right's new keys; only positive counts kept.
    func counterArithmetic(_ op: BinaryOp, _ a: PyCounter, _ b: PyCounter) throws -> PyCounter {
        let result = PyCounter()
        let zero = PyInt.make(0)
        for k in dictKeys(a) {
            let combined = try binaryOp(op, try dictGet(a, k)!, try dictGet(b, k) ?? zero)
            if try truthy(try compare(.gt, combined, zero)) { try dictSet(result, k, combined) }
        }
        for k in dictKeys(b) where try dictGet(a, k) == nil {
            let count = try dictGet(b, k)!
            let value = op == .add ? count : try binaryOp(.sub, zero, count)
            if try truthy(try compare(.gt, value, zero)) { try dictSet(result, k, value) }
        }
        return result
    }

    func stableSortDescending(_ pairs: inout [(PyObject, PyObject)]) throws {
        try pairs.sort { x, y in try self.truthy(try self.compare(.gt, x.1, y.1)) }
    }

    /// Reprs of the collections types (checked before the plain dict/list/tuple reprs).
    func collectionsRepr(_ o: PyObject) throws -> String? {
        switch o {
        case let d as PyDefaultDict:
            let f = try d.factory.map { try repr($0) } ?? "None"
            return "defaultdict(\(f), \(try plainDictRepr(d)))"
        case let c as PyCounter:
            if c.table.isEmpty { return "Counter()" }
            var pairs = c.table.liveIndices.map { (c.table.keys[$0]!, c.table.values[$0]!) }
            try stableSortDescending(&pairs)
            return "Counter({" + (try pairs.map { try repr($0.0) + ": " + repr($0.1) }.joined(separator: ", ")) + "})"
        case let d as PyOrderedDict:
            if d.table.isEmpty { return "OrderedDict()" }
            return "OrderedDict([" + (try d.table.liveIndices.map { "(" + (try repr(d.table.keys[$0]!)) + ", " + (try repr(d.table.values[$0]!)) + ")" }.joined(separator: ", ")) + "])"
        case let q as PyDeque:
            let inner = "[" + (try q.items.map { try repr($0) }.joined(separator: ", ")) + "]"
            return q.maxlen.map { "deque(\(inner), maxlen=\($0))" } ?? "deque(\(inner))"
        case let t as PyNamedTuple:
            let fields = ((t.cls.dict["_fields"] as? PyTuple)?.items ?? []).compactMap { ($0 as? PyString)?.value }
            let parts = try zip(fields, t.items).map { "\($0.0)=\(try repr($0.1))" }
            return "\(t.cls.qualifiedName)(" + parts.joined(separator: ", ") + ")"
        default:
            return nil
        }
    }

    func plainDictRepr(_ d: PyDict) throws -> String {
        var parts: [String] = []
        for i in d.table.liveIndices { parts.append(try repr(d.table.keys[i]!) + ": " + (try repr(d.table.values[i]!))) }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
