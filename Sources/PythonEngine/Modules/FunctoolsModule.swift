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
        let cacheDecorator: NativeBody = { i, a in
            let fn = try i.arg(a, 0, "lru_cache")
            let cache = PyDict()
            let wrapper = PyNativeFunction((try? i.getAttribute(fn, "__name__")).flatMap { ($0 as? PyString)?.value } ?? "wrapper") { interp, b in
                var keyItems = b.positional
                for (k, v) in b.keywords { keyItems += [PyString(k), v] }
                let key = PyTuple(keyItems)
                if let hit = try interp.dictGet(cache, key) { return hit }
                let v = try interp.call(fn, b)
                try interp.dictSet(cache, key, v)
                return v
            }
            return wrapper
        }
        m.dict["cache"] = PyNativeFunction("cache", cacheDecorator)
        m.dict["lru_cache"] = native("lru_cache") { i, a in
            // Used both as @lru_cache and @lru_cache(maxsize=...).
            if let f = a.positional.first, f is PyFunction || f is PyNativeFunction { return try cacheDecorator(i, a) }
            return PyNativeFunction("lru_cache", cacheDecorator)
        }
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
            let cmp = try i.arg(a, 0, "cmp_to_key")
            let keyClass = PyClass(name: "K", bases: [BuiltinTypes.object], module: "functools", isBuiltin: false)
            keyClass.dict["__lt__"] = PyNativeFunction("__lt__", isMethod: true) { interp, b in
                guard b.positional.count == 2, let x = b.positional[0] as? PyInstance, let y = b.positional[1] as? PyInstance,
                      let xv = x.attributes["obj"], let yv = y.attributes["obj"] else { return PyNotImplemented.shared }
                let r = try interp.call(cmp, CallArgs([xv, yv]))
                return PyBool.of(try interp.truthy(try interp.compare(.lt, r, PyInt.make(0))))
            }
            return PyNativeFunction("K") { _, b in
                let inst = PyInstance(cls: keyClass)
                inst.attributes["obj"] = b.positional.first ?? PyNone.shared
                return inst
            }
        }
        return m
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
