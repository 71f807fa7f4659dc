import BigInt

extension BuiltinMethodTables {
    static func installListMethods() {
        let t = BuiltinTypes.list
        func l(_ i: Interpreter, _ a: CallArgs, _ n: String) throws -> PyList { try receiver(i, a, PyList.self, n) }
        method(t, "append") { i, a in
            let list = try l(i, a, "append")
            guard a.positional.count == 2 else { throw i.typeError("list.append() takes exactly one argument (\(a.positional.count - 1) given)") }
            list.items.append(a.positional[1])
            return PyNone.shared
        }
        method(t, "extend") { i, a in
            let list = try l(i, a, "extend")
            list.items += try i.iterateToArray(try i.arg(a, 1, "extend"))
            return PyNone.shared
        }
        method(t, "insert") { i, a in
            let list = try l(i, a, "insert")
            var idx = try i.intArg(try i.arg(a, 1, "insert"))
            let n = list.items.count
            if idx < 0 { idx = max(0, idx + n) }
            list.items.insert(try i.arg(a, 2, "insert"), at: min(idx, n))
            return PyNone.shared
        }
        method(t, "pop") { i, a in
            let list = try l(i, a, "pop")
            if list.items.isEmpty { throw i.indexError("pop from empty list") }
            var idx = try a.positional.count > 1 ? i.intArg(a.positional[1]) : -1
            if idx < 0 { idx += list.items.count }
            if idx < 0 || idx >= list.items.count { throw i.indexError("pop index out of range") }
            return list.items.remove(at: idx)
        }
        method(t, "remove") { i, a in
            let list = try l(i, a, "remove")
            let x = try i.arg(a, 1, "remove")
            for (k, v) in list.items.enumerated() where try i.equals(v, x) {
                list.items.remove(at: k)
                return PyNone.shared
            }
            throw i.valueError("list.remove(x): x not in list")
        }
        method(t, "index") { i, a in
            let list = try l(i, a, "index")
            let x = try i.arg(a, 1, "index")
            let start = try a.positional.count > 2 ? i.intArg(a.positional[2]) : 0
            for (k, v) in list.items.enumerated() where k >= start {
                if try i.equals(v, x) { return PyInt.make(k) }
            }
            throw i.valueError("\(try i.repr(x)) is not in list")
        }
        method(t, "count") { i, a in
            let list = try l(i, a, "count")
            let x = try i.arg(a, 1, "count")
            return PyInt.make(try list.items.filter { try i.equals($0, x) }.count)
        }
        method(t, "sort") { i, a in
            let list = try l(i, a, "sort")
            if a.positional.count > 1 { throw i.typeError("sort() takes no positional arguments") }
            try i.sortList(list, key: a.keyword("key"), reverse: try a.keyword("reverse").map { try i.truthy($0) } ?? false)
            return PyNone.shared
        }
        method(t, "reverse") { i, a in try l(i, a, "reverse").items.reverse(); return PyNone.shared }
        method(t, "copy") { i, a in PyList(try l(i, a, "copy").items) }
        method(t, "clear") { i, a in try l(i, a, "clear").items.removeAll(); return PyNone.shared }
        method(BuiltinTypes.tuple, "index") { i, a in
            let tup = try receiver(i, a, PyTuple.self, "index")
            let x = try i.arg(a, 1, "index")
            for (k, v) in tup.items.enumerated() where try i.equals(v, x) { return PyInt.make(k) }
            throw i.valueError("tuple.index(x): x not in tuple")
        }
        method(BuiltinTypes.tuple, "count") { i, a in
            let tup = try receiver(i, a, PyTuple.self, "count")
            let x = try i.arg(a, 1, "count")
            return PyInt.make(try tup.items.filter { try i.equals($0, x) }.count)
        }
    }

    static func installDictMethods() {
        let t = BuiltinTypes.dict
        func d(_ i: Interpreter, _ a: CallArgs, _ n: String) throws -> PyDict { try receiver(i, a, PyDict.self, n) }
        method(t, "get") { i, a in
            let dict = try d(i, a, "get")
            return try i.dictGet(dict, try i.arg(a, 1, "get")) ?? (a.positional.count > 2 ? a.positional[2] : PyNone.shared)
        }
        method(t, "keys") { i, a in PyDictView(try d(i, a, "keys"), .keys) }
        method(t, "values") { i, a in PyDictView(try d(i, a, "values"), .values) }
        method(t, "items") { i, a in PyDictView(try d(i, a, "items"), .items) }
        method(t, "pop") { i, a in
            let dict = try d(i, a, "pop")
            let k = try i.arg(a, 1, "pop")
            if let v = try i.dictRemove(dict, k) { return v }
            if a.positional.count > 2 { return a.positional[2] }
            throw i.keyError(k)
        }
        method(t, "popitem") { i, a in
            let dict = try d(i, a, "popitem")
            guard let last = dict.table.liveIndices.last else { throw i.error(ExceptionTypes.keyError, "popitem(): dictionary is empty") }
            let pair = PyTuple([dict.table.keys[last]!, dict.table.values[last]!])
            dict.table.removeEntry(last)
            return pair
        }
        method(t, "setdefault") { i, a in
            let dict = try d(i, a, "setdefault")
            let k = try i.arg(a, 1, "setdefault")
            if let v = try i.dictGet(dict, k) { return v }
            let v = a.positional.count > 2 ? a.positional[2] : PyNone.shared
            try i.dictSet(dict, k, v)
            return v
        }
        method(t, "update") { i, a in
            let dict = try d(i, a, "update")
            if a.positional.count > 1 { try i.dictUpdate(dict, a.positional[1]) }
            for (k, v) in a.keywords { try i.dictSet(dict, PyString(k), v) }
            return PyNone.shared
        }
        method(t, "copy") { i, a in
            let dict = try d(i, a, "copy")
            let out = PyDict()
            out.table = dict.table
            return out
        }
        method(t, "clear") { i, a in try d(i, a, "clear").table.removeAll(); return PyNone.shared }
        t.dict["fromkeys"] = PyClassMethod(PyNativeFunction("fromkeys") { i, a in
            let out = PyDict()
            let v = a.positional.count > 2 ? a.positional[2] : PyNone.shared
            for k in try i.iterateToArray(try i.arg(a, 1, "fromkeys")) { try i.dictSet(out, k, v) }
            return out
        })
    }

    static func installSetMethods() {
        for t in [BuiltinTypes.set, BuiltinTypes.frozenset] {
            func s(_ i: Interpreter, _ a: CallArgs, _ n: String) throws -> PySet { try receiver(i, a, PySet.self, n) }
            func others(_ i: Interpreter, _ a: CallArgs) throws -> [PySet] {
                try a.positional.dropFirst().map { o in if let st = o as? PySet { return st }; return try i.makeSet(try i.iterateToArray(o)) }
            }
            func combine(_ name: String, _ op: BinaryOp) {
                method(t, name) { i, a in
                    var result: PyObject = try s(i, a, name)
                    if a.positional.count == 1 { result = try i.setOp(.bitOr, result as! PySet, PySet())! }
                    for o in try others(i, a) { result = try i.setOp(op, result as! PySet, o)! }
                    return result
                }
            }
            combine("union", .bitOr)
            combine("intersection", .bitAnd)
            combine("difference", .sub)
            combine("symmetric_difference", .bitXor)
            method(t, "issubset") { i, a in PyBool.of(try i.compareSets(.le, try s(i, a, "issubset"), try others(i, a)[0])) }
            method(t, "issuperset") { i, a in PyBool.of(try i.compareSets(.ge, try s(i, a, "issuperset"), try others(i, a)[0])) }
            method(t, "isdisjoint") { i, a in
                let x = try s(i, a, "isdisjoint"), y = try others(i, a)[0]
                for k in i.setItems(x) where try i.setContains(y, k) { return PyBool.falseValue }
                return PyBool.trueValue
            }
            method(t, "copy") { i, a in
                let x = try s(i, a, "copy")
                let out = PySet(frozen: x.frozen)
                out.table = x.table
                return out
            }
        }
        let t = BuiltinTypes.set
        func s(_ i: Interpreter, _ a: CallArgs, _ n: String) throws -> PySet { try receiver(i, a, PySet.self, n) }
        method(t, "add") { i, a in try i.setAdd(try s(i, a, "add"), try i.arg(a, 1, "add")); return PyNone.shared }
        method(t, "remove") { i, a in
            let x = try s(i, a, "remove"), k = try i.arg(a, 1, "remove")
            if try !i.setRemove(x, k) { throw i.keyError(k) }
            return PyNone.shared
        }
        method(t, "discard") { i, a in
            let x = try s(i, a, "discard"), k = try i.arg(a, 1, "discard")
            try i.setRemove(x, k)
            return PyNone.shared
        }
        method(t, "pop") { i, a in
            let x = try s(i, a, "pop")
            guard let first = x.table.cpythonSetOrder().first else { throw i.error(ExceptionTypes.keyError, "pop from an empty set") }
            let k = x.table.keys[first]!
            x.table.removeEntry(first)
            return k
        }
        method(t, "clear") { i, a in try s(i, a, "clear").table.removeAll(); return PyNone.shared }
        func inPlace(_ name: String, _ op: BinaryOp) {
            method(t, name) { i, a in
                let x = try s(i, a, name)
                for o in a.positional.dropFirst() {
                    let other = try (o as? PySet) ?? i.makeSet(try i.iterateToArray(o))
                    _ = try i.inPlaceOp(op, x, other)
                }
                return PyNone.shared
            }
        }
        inPlace("update", .bitOr)
        inPlace("intersection_update", .bitAnd)
        inPlace("difference_update", .sub)
    }

    static func installMiscMethods() {
        method(BuiltinTypes.int, "bit_length") { i, a in
            let n = try receiver(i, a, PyInt.self, "bit_length").bigValue
            return PyInt.make(n == 0 ? 0 : n.magnitude.bitWidth)
        }
        method(BuiltinTypes.int, "conjugate") { i, a in try receiver(i, a, PyInt.self, "conjugate") }
        method(BuiltinTypes.float, "is_integer") { i, a in
            let f = try receiver(i, a, PyFloat.self, "is_integer").value
            return PyBool.of(f.isFinite && f.rounded(.towardZero) == f)
        }
        method(BuiltinTypes.float, "as_integer_ratio") { i, a in
            let f = try receiver(i, a, PyFloat.self, "as_integer_ratio").value
            do {
                let (n, d) = try pythonAsIntegerRatio(f)
                return PyTuple([PyInt.make(n), PyInt.make(d)])
            } catch let e as SupportError { throw i.convert(e) }
        }
        method(BuiltinTypes.float, "hex") { i, a in PyString(pythonFloatHex(try receiver(i, a, PyFloat.self, "hex").value)) }
        method(BuiltinTypes.int, "as_integer_ratio") { i, a in
            PyTuple([PyInt.make(try receiver(i, a, PyInt.self, "as_integer_ratio").bigValue), PyInt.make(1)])
        }
        // range.index/count: arithmetic for ints, an equality scan for anything else (as CPython).
        method(BuiltinTypes.range, "index") { i, a in
            let r = try receiver(i, a, PyRange.self, "index")
            let x = try i.arg(a, 1, "index")
            if let n = x as? PyInt, !(x is PyBool) {
                if try i.contains(r, n) { return PyInt.make((n.bigValue - r.start) / r.step) }
                throw i.valueError("\(try i.repr(n)) is not in range")
            }
            var k = 0
            let it = try i.getIterator(r)
            while let v = try i.nextItem(it) {
                if try i.equals(v, x) { return PyInt.make(k) }
                k += 1
            }
            throw i.valueError("sequence.index(x): x not in sequence")
        }
        method(BuiltinTypes.range, "count") { i, a in
            let r = try receiver(i, a, PyRange.self, "count")
            let x = try i.arg(a, 1, "count")
            if x is PyInt && !(x is PyBool) { return PyInt.make(try i.contains(r, x) ? 1 : 0) }
            var n = 0
            let it = try i.getIterator(r)
            while let v = try i.nextItem(it) {
                if try i.equals(v, x) { n += 1 }
            }
            return PyInt.make(n)
        }
        method(BuiltinTypes.object, "__init__") { _, _ in PyNone.shared }
        // object.__hash__: identity hashing, which a class can restore after defining __eq__.
        method(BuiltinTypes.object, "__hash__") { i, a in
            guard let o = a.positional.first else { throw i.typeError("descriptor '__hash__' of 'object' object needs an argument") }
            return PyInt.make(i.id(of: o) >> 4)
        }
        // `super().__init__(...)` from subclasses of list/dict fills the builtin storage.
        method(BuiltinTypes.list, "__init__") { i, a in
            let l = try receiver(i, a, PyList.self, "__init__")
            l.items = try a.positional.count > 1 ? i.iterateToArray(a.positional[1]) : []
            return PyNone.shared
        }
        method(BuiltinTypes.dict, "__init__") { i, a in
            let d = try receiver(i, a, PyDict.self, "__init__")
            if a.positional.count > 1 { try i.dictUpdate(d, a.positional[1]) }
            for (k, v) in a.keywords { try i.dictSet(d, PyString(k), v) }
            return PyNone.shared
        }
        for (name, which) in [("getter", 0), ("setter", 1), ("deleter", 2)] {
            method(BuiltinTypes.property, name) { i, a in
                let p = try receiver(i, a, PyProperty.self, name)
                let f = try i.arg(a, 1, name)
                return PyProperty(getter: which == 0 ? f : p.getter, setter: which == 1 ? f : p.setter, deleter: which == 2 ? f : p.deleter)
            }
        }
        for (name, fn) in Interpreter.sharedGeneratorMethods { BuiltinTypes.generator.dict[name] = fn }
        // Exceptions: with_traceback and add_note are accepted and behave as CPython's for output.
        method(ExceptionTypes.baseException, "with_traceback") { _, a in a.positional.first ?? PyNone.shared }
        method(ExceptionTypes.baseException, "__init__") { i, a in
            if let e = a.positional.first as? PyExceptionObject { e.args = Array(a.positional.dropFirst()) }
            _ = i
            return PyNone.shared
        }
    }
}

extension Interpreter {
    static let sharedGeneratorMethods: [String: PyObject] = Interpreter.makeGeneratorMethodTable()
}
