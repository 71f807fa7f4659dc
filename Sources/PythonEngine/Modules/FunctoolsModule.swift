extension Interpreter {
    func makeFunctoolsModule() -> PyModule {
        let m = PyModule(name: "functools")
        m.dict["reduce"] = native("reduce") { i, a in
            let fn = try i.arg(a, 0, "reduce")
            let it = try i.getIterator(try i.arg(a, 1, "reduce"))
            var acc: PyObject
            if a.positional.count > 2 { acc = a.positional[2] } else {
                guard let first = try i.nextItem(it) else { throw i.typeError("reduce() of empty iterable with no initial value") }
                acc = first
            }
            while let v = try i.nextItem(it) { acc = try i.call(fn, CallArgs([acc, v])) }
            return acc
        }
        m.dict["partial"] = native("partial") { i, a in
            let fn = try i.arg(a, 0, "partial")
            let bound = Array(a.positional.dropFirst())
            let boundKw = a.keywords
            return PyNativeFunction("partial") { interp, b in
                var kw = boundKw
                for (k, v) in b.keywords {
                    if let idx = kw.firstIndex(where: { $0.0 == k }) { kw[idx].1 = v } else { kw.append((k, v)) }
                }
                return try interp.call(fn, CallArgs(bound + b.positional, keywords: kw))
            }
        }
        m.dict["cache"] = native("cache") { i, a in try i.makeLruCache(a, unbounded: true) }
        m.dict["lru_cache"] = native("lru_cache") { i, a in try i.makeLruCache(a, unbounded: false) }
        m.dict["wraps"] = native("wraps") { i, a in
            let wrapped = try i.arg(a, 0, "wraps")
            return PyNativeFunction("wraps") { interp, b in
                let f = try interp.arg(b, 0, "wraps")
                if let pf = f as? PyFunction, let w = wrapped as? PyFunction {
                    pf.name = w.name
                    pf.qualifiedName = w.qualifiedName
                    pf.attributes["__wrapped__"] = w
                }
                return f
            }
        }
        m.dict["cmp_to_key"] = native("cmp_to_key") { i, a in
            try i.makeCmpToKey(try i.arg(a, 0, "cmp_to_key", "mycmp"))
        }
        return m
    }

    /// `cmp_to_key(mycmp)`: the class CPython's functools.py defines (its pure-Python fallback
    /// for the C KeyWrapper), compiled by the engine so comparisons follow the normal rules.
    func makeCmpToKey(_ cmp: PyObject) throws -> PyObject {
        var source = "class K(object):\n    __slots__ = ['obj']\n    def __init__(self, obj):\n        self.obj = obj\n"
        for (name, op) in [("__lt__", "<"), ("__gt__", ">"), ("__eq__", "=="), ("__le__", "<="), ("__ge__", ">="), ("__ne__", "!=")] {
            source += "    def \(name)(self, other):\n        return mycmp(self.obj, other.obj) \(op) 0\n"
        }
        source += "    __hash__ = None\n"
        let module: Module
        do {
            module = try Parser.parse(source, fileName: "<functools>")
        } catch {
            throw typeError("cannot build cmp_to_key: \(error.message)")
        }
        let globals = Environment(parent: nil, scope: nil)
        globals.values["mycmp"] = cmp
        let frame = Frame(name: "cmp_to_key", fileName: "<functools>", line: 1, env: globals, globals: globals, scope: nil)
        _ = try execBlock(module.body, frame)
        guard let cls = globals.values["K"] else { throw typeError("cannot build cmp_to_key") }
        return cls
    }

    func makeOperatorModule() -> PyModule {
        let m = PyModule(name: "operator")
        let ops: [(String, BinaryOp)] = [("add", .add), ("sub", .sub), ("mul", .mul), ("truediv", .div), ("floordiv", .floorDiv),
                                         ("mod", .mod), ("pow", .pow), ("and_", .bitAnd), ("or_", .bitOr), ("xor", .bitXor)]
        for (name, op) in ops {
            m.dict[name] = native(name) { i, a in try i.binaryOp(op, try i.arg(a, 0, name), try i.arg(a, 1, name)) }
        }
        let cmps: [(String, CompareOp)] = [("lt", .lt), ("le", .le), ("eq", .eq), ("ne", .ne), ("gt", .gt), ("ge", .ge)]
        for (name, op) in cmps {
            m.dict[name] = native(name) { i, a in try i.compare(op, try i.arg(a, 0, name), try i.arg(a, 1, name)) }
        }
        m.dict["neg"] = native("neg") { i, a in try i.unaryOp(.negate, try i.arg(a, 0, "neg")) }
        m.dict["itemgetter"] = native("itemgetter") { _, a in
            let keys = a.positional
            return PyNativeFunction("itemgetter") { interp, b in
                let o = try interp.arg(b, 0, "itemgetter")
                if keys.count == 1 { return try interp.getItem(o, keys[0]) }
                return PyTuple(try keys.map { try interp.getItem(o, $0) })
            }
        }
        m.dict["attrgetter"] = native("attrgetter") { i, a in
            let names = try a.positional.map { o -> String in
                guard let s = o as? PyString else { throw i.typeError("attribute name must be a string") }
                return s.value
            }
            return PyNativeFunction("attrgetter") { interp, b in
                let o = try interp.arg(b, 0, "attrgetter")
                func get(_ path: String) throws -> PyObject {
                    var v = o
                    for part in path.split(separator: ".") { v = try interp.getAttribute(v, String(part)) }
                    return v
                }
                if names.count == 1 { return try get(names[0]) }
                return PyTuple(try names.map(get))
            }
        }
        return m
    }

    func makeStringModule() -> PyModule {
        let m = PyModule(name: "string")
        let lower = "abcdefghijklmnopqrstuvwxyz", upper = lower.uppercased()
        m.dict["ascii_lowercase"] = PyString(lower)
        m.dict["ascii_uppercase"] = PyString(upper)
        m.dict["ascii_letters"] = PyString(lower + upper)
        m.dict["digits"] = PyString("0123456789")
        m.dict["hexdigits"] = PyString("0123456789abcdefABCDEF")
        m.dict["octdigits"] = PyString("01234567")
        m.dict["punctuation"] = PyString("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
        m.dict["whitespace"] = PyString(" \t\n\r\u{0B}\u{0C}")
        m.dict["printable"] = PyString("0123456789" + lower + upper + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" + " \t\n\r\u{0B}\u{0C}")
        return m
    }

    /// `typing`: annotations are not evaluated by the engine, so the names only need to exist
    /// and be subscriptable (`List[int]`).
    func makeTypingModule() -> PyModule {
        let m = PyModule(name: "typing")
        let mapping: [(String, PyClass)] = [("List", BuiltinTypes.list), ("Dict", BuiltinTypes.dict), ("Set", BuiltinTypes.set),
                                            ("Tuple", BuiltinTypes.tuple), ("FrozenSet", BuiltinTypes.frozenset)]
        for (n, c) in mapping { m.dict[n] = c }
        for n in ["Any", "Optional", "Union", "Callable", "Iterable", "Iterator", "Sequence", "Mapping", "Generator", "Type", "NoReturn"] {
            m.dict[n] = BuiltinTypes.object
        }
        m.dict["TYPE_CHECKING"] = PyBool.falseValue
        return m
    }
}
