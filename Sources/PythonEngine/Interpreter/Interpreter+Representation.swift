import BigInt

extension Interpreter {
    func hexAddress(_ o: PyObject) -> String {
        "0x" + String(UInt(bitPattern: id(of: o)), radix: 16).leftPadded(to: 12)
    }

    func repr(_ o: PyObject) throws -> String {
        switch o {
        case let s as PyString: return pythonStringRepr(s.value)
        case let b as PyBool: return b.boolValue ? "True" : "False"
        case let i as PyInt:
            if let big = i.big {
                do { return try pythonIntToString(big) } catch { throw convert(error) }
            }
            return String(i.small)
        case let f as PyFloat: return pythonFloatRepr(f.value)
        case is PyNone: return "None"
        default: break
        }
        if stackIsLow() { throw error(ExceptionTypes.recursionError, "maximum recursion depth exceeded while getting the repr of an object") }
        if let inst = o as? PyInstance, let r = specialMethod(inst, "__repr__"), r is PyFunction {
            let v = try call(r, CallArgs([o]))
            guard let s = v as? PyString else { throw typeError("__repr__ returned non-string (type \(typeName(v)))") }
            return s.value
        }
        if let r = try guardedReprOptional(o, { try collectionsRepr(o) }) { return r }
        if let v = o as? PyDictView {
            let items: [PyObject]
            switch v.kind {
            case .keys: items = dictKeys(v.dict)
            case .values: items = v.dict.table.liveIndices.map { v.dict.table.values[$0]! }
            case .items: items = v.dict.table.liveIndices.map { PyTuple([v.dict.table.keys[$0]!, v.dict.table.values[$0]!]) }
            }
            return "\(v.pyClass.name)(" + (try repr(PyList(items))) + ")"
        }
        switch o {
        case let l as PyList:
            return try guardedRepr(l, empty: "[]") { "[" + (try l.items.map { try repr($0) }.joined(separator: ", ")) + "]" }
        case let t as PyTuple:
            if t.items.count == 1 { return "(" + (try repr(t.items[0])) + ",)" }
            return try guardedRepr(t, empty: "()") { "(" + (try t.items.map { try repr($0) }.joined(separator: ", ")) + ")" }
        case let d as PyDict:
            return try guardedRepr(d, empty: "{...}") {
                var parts: [String] = []
                for i in d.table.liveIndices {
                    parts.append(try repr(d.table.keys[i]!) + ": " + (try repr(d.table.values[i]!)))
                }
                return "{" + parts.joined(separator: ", ") + "}"
            }
        case let s as PySet:
            let name = s.frozen ? "frozenset" : "set"
            if s.table.isEmpty { return name + "()" }
            return try guardedRepr(s, empty: "\(name)(...)") {
                let inner = "{" + (try setItems(s).map { try repr($0) }.joined(separator: ", ")) + "}"
                return s.frozen ? "frozenset(\(inner))" : inner
            }
        case let c as PyComplex: return complexRepr(c)
        case let b as PyByteArray: return "bytearray(\(pythonBytesRepr(b.value)))"
        case let b as PyBytes: return pythonBytesRepr(b.value)
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let s as PySlice: return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))"
        case is PyEllipsis: return "Ellipsis"
        case is PyNotImplemented: return "NotImplemented"
        case let c as PyClass:
            return c.moduleName == "builtins" ? "<class '\(c.name)'>" : "<class '\(c.moduleName).\(c.qualifiedName)'>"
        case let f as PyFunction: return "<function \(f.qualifiedName) at \(hexAddress(f))>"
        case let n as PyNativeFunction:
            if let owner = n.ownerName { return "<method '\(n.name)' of '\(owner)' objects>" }
            return "<built-in function \(n.name)>"
        case let b as PyBoundMethod:
            if let n = b.function as? PyNativeFunction {
                return "<built-in method \(n.name) of \(typeName(b.receiver)) object at \(hexAddress(b.receiver))>"
            }
            let qn = (b.function as? PyFunction)?.qualifiedName ?? "?"
            return "<bound method \(qn) of \(try repr(b.receiver))>"
        case let m as PyModule: return "<module '\(m.name)' (built-in)>"
        case let g as PyGenerator: return "<generator object \(g.code.qualifiedName) at \(hexAddress(g))>"
        case let e as PyExceptionObject:
            if e.args.count == 1 { return "\(e.cls.name)(\(try repr(e.args[0])))" }
            return "\(e.cls.name)(" + (try e.args.map { try repr($0) }.joined(separator: ", ")) + ")"
        case let inst as PyInstance:
            if let base = inst.builtinValue { return try repr(base) }
            // object.__repr__ names the type as `module.qualname`, leaving out `builtins.`.
            let module = inst.cls.moduleName == "builtins" ? "" : inst.cls.moduleName + "."
            return "<\(module)\(inst.cls.qualifiedName) object at \(hexAddress(inst))>"
        case let it as PyNativeIterator:
            if it.typeName == "generator" { return "<generator object <genexpr> at \(hexAddress(it))>" }
            return "<\(it.pyClass.name) object at \(hexAddress(it))>"
        case is PySuper: return "<super object>"
        case is PyProperty: return "<property object at \(hexAddress(o))>"
        case is PyLruCacheWrapper: return "<functools._lru_cache_wrapper object at \(hexAddress(o))>"
        default: return "<\(typeName(o)) object at \(hexAddress(o))>"
        }
    }

    func guardedReprOptional(_ o: PyObject, _ body: () throws -> String?) throws -> String? {
        guard o is PyDict || o is PyList || o is PyTuple else { return nil }
        let key = ObjectIdentifier(o)
        if reprInProgress.contains(key) { return o is PyList ? "[...]" : "{...}" }
        reprInProgress.insert(key)
        defer { reprInProgress.remove(key) }
        return try body()
    }

    func guardedRepr(_ o: PyObject, empty: String, _ body: () throws -> String) throws -> String {
        // Nested containers count against the recursion limit, as CPython's repr does.
        try enterCall(while: " while getting the repr of an object")
        defer { callDepth -= 1 }
        let key = ObjectIdentifier(o)
        if reprInProgress.contains(key) {
            if o is PyList { return "[...]" }
            if o is PyDict { return "{...}" }
            return "(...)"
        }
        reprInProgress.insert(key)
        defer { reprInProgress.remove(key) }
        return try body()
    }

    func complexRepr(_ c: PyComplex) -> String {
        func part(_ d: Double) -> String {
            let r = pythonFloatRepr(d)
            return r.hasSuffix(".0") ? String(r.dropLast(2)) : r
        }
        if c.real == 0 && c.real.sign == .plus { return part(c.imag) + "j" }
        let sign = c.imag < 0 || (c.imag == 0 && c.imag.sign == .minus) ? "-" : "+"
        return "(" + part(c.real) + sign + part(abs(c.imag)) + "j)"
    }

    func str(_ o: PyObject) throws -> String {
        if let s = o as? PyString { return s.value }
        if let inst = o as? PyInstance {
            if let m = specialMethod(inst, "__str__"), m is PyFunction {
                let v = try call(m, CallArgs([o]))
                guard let s = v as? PyString else { throw typeError("__str__ returned non-string (type \(typeName(v)))") }
                return s.value
            }
            if let e = inst as? PyExceptionObject {
                if specialMethod(inst, "__repr__") is PyFunction && e.args.isEmpty { return try repr(o) }
                if e.cls.isSubclass(of: ExceptionTypes.keyError) && e.args.count == 1 { return try repr(e.args[0]) }
                if e.args.isEmpty { return "" }
                if e.args.count == 1 { return try str(e.args[0]) }
                return try repr(PyTuple(e.args))
            }
        }
        return try repr(o)
    }

    /// `ascii()`: repr with non-ASCII characters escaped.
    func ascii(_ o: PyObject) throws -> String {
        if let s = o as? PyString { return pythonAsciiRepr(s.value) }
        let r = try repr(o)
        var out = ""
        for sc in r.unicodeScalars {
            if sc.isASCII { out.unicodeScalars.append(sc) }
            else if sc.value <= 0xFF { out += "\\x" + String(sc.value, radix: 16).leftPadded(to: 2) }
            else if sc.value <= 0xFFFF { out += "\\u" + String(sc.value, radix: 16).leftPadded(to: 4) }
            else { out += "\\U" + String(sc.value, radix: 16).leftPadded(to: 8) }
        }
        return out
    }

    /// `format(value, spec)`, through `__format__` for user classes.
    func format(_ o: PyObject, _ spec: String) throws -> String {
        do {
            switch o {
            case let b as PyBool:
                if spec.isEmpty { return b.boolValue ? "True" : "False" }
                return try formatInteger(b.bigValue, spec: spec, typeName: "bool")
            case let i as PyInt:
                if spec.isEmpty { return try repr(i) }
                return try formatInteger(i.bigValue, spec: spec)
            case let f as PyFloat: return try formatFloat(f.value, spec: spec)
            case let s as PyString: return try formatText(s.value, spec: spec)
            default: break
            }
        } catch let e as SupportError {
            throw convert(e)
        }
        if let m = specialMethod(o, "__format__"), m is PyFunction {
            let v = try call(m, CallArgs([o, PyString(spec)]))
            guard let s = v as? PyString else { throw typeError("__format__ must return a str, not \(typeName(v))") }
            return s.value
        }
        if !spec.isEmpty, let inst = o as? PyInstance, let base = inst.builtinValue {
            // A subclass of int/float/str without its own __format__ formats its value, and
            // CPython's messages name the subclass.
            do {
                switch base {
                case let i as PyInt: return try formatInteger(i.bigValue, spec: spec, typeName: inst.cls.name)
                case let f as PyFloat: return try formatFloat(f.value, spec: spec, typeName: inst.cls.name)
                case let t as PyString: return try formatText(t.value, spec: spec, typeName: inst.cls.name)
                default: break
                }
            } catch {
                throw convert(error)
            }
        }
        if !spec.isEmpty {
            throw typeError("unsupported format string passed to \(typeName(o)).__format__")
        }
        return try str(o)
    }
}

extension String {
    func leftPadded(to n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}
