import BigInt

extension Interpreter {
    func arg(_ a: CallArgs, _ i: Int, _ fname: String, _ pname: String? = nil) throws -> PyObject {
        if i < a.positional.count { return a.positional[i] }
        if let p = pname, let v = a.keyword(p) { return v }
        throw typeError("\(fname)() missing required argument '\(pname ?? "arg")' (pos \(i + 1))")
    }

    func optArg(_ a: CallArgs, _ i: Int, _ pname: String? = nil) -> PyObject? {
        if i < a.positional.count { return a.positional[i] }
        if let p = pname { return a.keyword(p) }
        return nil
    }

    func intArg(_ o: PyObject, _ what: String = "") throws -> Int {
        if let i = o as? PyInt {
            guard i.big == nil else { throw error(ExceptionTypes.overflowError, "Python int too large to convert to C ssize_t") }
            return i.small
        }
        if let m = specialMethod(o, "__index__"), let v = try call(m, CallArgs([o])) as? PyInt { return v.small }
        throw typeError("'\(typeName(o))' object cannot be interpreted as an integer")
    }

    func exactArgs(_ a: CallArgs, _ name: String, _ n: Int) throws {
        if a.positional.count != n || !a.keywords.isEmpty {
            if !a.keywords.isEmpty { throw typeError("\(name)() takes no keyword arguments") }
            if n == 1 { throw typeError("\(name)() takes exactly one argument (\(a.positional.count) given)") }
            throw typeError("\(name) expected \(n) arguments, got \(a.positional.count)")
        }
    }

    func builtinsModule() -> PyModule {
        PyModule(name: "builtins", dict: builtins)
    }

    func makeBuiltins() -> [String: PyObject] {
        var b: [String: PyObject] = [:]
        func def(_ name: String, _ body: @escaping NativeBody) { b[name] = PyNativeFunction(name, body) }
        for (n, t) in BuiltinTypes.namedTypes { b[n] = t }
        for e in ExceptionTypes.all { b[e.name] = e }
        b["EnvironmentError"] = ExceptionTypes.osError
        b["IOError"] = ExceptionTypes.osError
        b["None"] = PyNone.shared
        b["NotImplemented"] = PyNotImplemented.shared
        b["Ellipsis"] = PyEllipsis.shared
        b["__name__"] = PyString("builtins")

        def("print") { i, a in
            var sep = " ", end = "\n"
            var target: PyObject?
            var flush = false
            for (k, v) in a.keywords {
                switch k {
                case "sep": if !(v is PyNone) { guard let s = v as? PyString else { throw i.typeError("sep must be None or a string, not \(i.typeName(v))") }; sep = s.value }
                case "end": if !(v is PyNone) { guard let s = v as? PyString else { throw i.typeError("end must be None or a string, not \(i.typeName(v))") }; end = s.value }
                case "file": if !(v is PyNone) { target = v }
                case "flush": flush = try i.truthy(v)
                default: throw i.typeError("'\(k)' is an invalid keyword argument for print()")
                }
            }
            var text = ""
            for (n, v) in a.positional.enumerated() {
                if n > 0 { text += sep }
                text += try i.str(v)
            }
            text += end
            try i.writeText(text, to: target)
            if flush { try i.flushTarget(target) }
            return PyNone.shared
        }
        def("len") { i, a in
            try i.exactArgs(a, "len", 1)
            return PyInt.make(try i.length(a.positional[0]))
        }
        def("repr") { i, a in try i.exactArgs(a, "repr", 1); return PyString(try i.repr(a.positional[0])) }
        def("ascii") { i, a in try i.exactArgs(a, "ascii", 1); return PyString(try i.ascii(a.positional[0])) }
        def("format") { i, a in
            let v = try i.arg(a, 0, "format")
            let spec = try i.optArg(a, 1).map { o -> String in
                guard let s = o as? PyString else { throw i.typeError("format() argument 2 must be str, not \(i.typeName(o))") }
                return s.value
            } ?? ""
            return PyString(try i.format(v, spec))
        }
        def("abs") { i, a in
            try i.exactArgs(a, "abs", 1)
            let v = a.positional[0]
            if let x = v as? PyInt { return x.big == nil && x.small != Int.min ? PyInt.make(abs(x.small)) : PyInt.make(abs(x.bigValue)) }
            if let f = v as? PyFloat { return PyFloat(abs(f.value)) }
            if let c = v as? PyComplex { return PyFloat((c.real * c.real + c.imag * c.imag).squareRoot()) }
            if let r = try i.callSpecial(v, "__abs__") { return r }
            throw i.typeError("bad operand type for abs(): '\(i.typeName(v))'")
        }
        def("id") { i, a in try i.exactArgs(a, "id", 1); return PyInt.make(i.id(of: a.positional[0])) }
        def("hash") { i, a in try i.exactArgs(a, "hash", 1); return PyInt.make(try i.hash(a.positional[0])) }
        def("callable") { i, a in
            try i.exactArgs(a, "callable", 1)
            let v = a.positional[0]
            return PyBool.of(i.isCallable(v))
        }
        def("chr") { i, a in
            try i.exactArgs(a, "chr", 1)
            let n = try i.intArg(a.positional[0])
            guard n >= 0 && n <= 0x10FFFF, let sc = Unicode.Scalar(UInt32(n)) else {
                if n >= 0xD800 && n <= 0xDFFF { return PyString("\u{FFFD}") }
                throw i.valueError("chr() arg not in range(0x110000)")
            }
            return PyString(String(Character(sc)))
        }
        def("ord") { i, a in
            try i.exactArgs(a, "ord", 1)
            if let s = a.positional[0] as? PyString {
                guard s.count == 1 else { throw i.typeError("ord() expected a character, but string of length \(s.count) found") }
                return PyInt.make(Int(s.value.unicodeScalars.first!.value))
            }
            if let bs = a.positional[0] as? PyBytes, bs.value.count == 1 { return PyInt.make(Int(bs.value[0])) }
            throw i.typeError("ord() expected string of length 1, but \(i.typeName(a.positional[0])) found")
        }
        def("bin") { i, a in PyString(try i.intToBase(try i.arg(a, 0, "bin"), 2, "0b")) }
        def("oct") { i, a in PyString(try i.intToBase(try i.arg(a, 0, "oct"), 8, "0o")) }
        def("hex") { i, a in PyString(try i.intToBase(try i.arg(a, 0, "hex"), 16, "0x")) }
        def("iter") { i, a in
            if a.positional.count == 2 {
                let fn = a.positional[0], sentinel = a.positional[1]
                return PyNativeIterator("callable_iterator") { interp in
                    let v = try interp.call(fn, CallArgs())
                    return try interp.equals(v, sentinel) ? nil : v
                }
            }
            try i.exactArgs(a, "iter", 1)
            return try i.getIterator(a.positional[0])
        }
        def("next") { i, a in
            let it = try i.arg(a, 0, "next")
            if !(it is PyNativeIterator || it is PyGenerator || i.specialMethod(it, "__next__") != nil) {
                throw i.typeError("'\(i.typeName(it))' object is not an iterator")
            }
            if let g = it as? PyGenerator {
                switch try i.stepGenerator(g, send: PyNone.shared, throwing: nil) {
                case .yielded(let v): return v
                case .returned(let v):
                    if a.positional.count > 1 { return a.positional[1] }
                    throw PyError(exception: i.newException(ExceptionTypes.stopIteration, v is PyNone ? [] : [v]))
                }
            }
            if !(it is PyNativeIterator), let m = i.specialMethod(it, "__next__") {
                do { return try i.call(m, CallArgs([it])) } catch let e as PyError where a.positional.count > 1 && e.exception.cls.isSubclass(of: ExceptionTypes.stopIteration) {
                    return a.positional[1]
                }
            }
            if let v = try i.nextItem(it) { return v }
            if a.positional.count > 1 { return a.positional[1] }
            throw PyError(exception: i.newException(ExceptionTypes.stopIteration, []))
        }
        def("isinstance") { i, a in
            try i.exactArgs(a, "isinstance", 2)
            return PyBool.of(try i.isInstance(a.positional[0], a.positional[1]))
        }
        def("issubclass") { i, a in
            try i.exactArgs(a, "issubclass", 2)
            guard let c = a.positional[0] as? PyClass else { throw i.typeError("issubclass() arg 1 must be a class") }
            return PyBool.of(try i.classMatches(c, a.positional[1], "issubclass"))
        }
        def("hasattr") { i, a in
            try i.exactArgs(a, "hasattr", 2)
            guard let n = a.positional[1] as? PyString else { throw i.typeError("attribute name must be string, not '\(i.typeName(a.positional[1]))'") }
            do { return PyBool.of(try i.getAttributeOrNil(a.positional[0], n.value) != nil) } catch let e as PyError where e.exception.cls.isSubclass(of: ExceptionTypes.attributeError) { return PyBool.falseValue }
        }
        def("getattr") { i, a in
            let o = try i.arg(a, 0, "getattr")
            guard let n = try i.arg(a, 1, "getattr") as? PyString else { throw i.typeError("attribute name must be string, not '\(i.typeName(a.positional[1]))'") }
            if a.positional.count > 2 {
                do { return try i.getAttributeOrNil(o, n.value) ?? a.positional[2] } catch let e as PyError where e.exception.cls.isSubclass(of: ExceptionTypes.attributeError) { return a.positional[2] }
            }
            return try i.getAttribute(o, n.value)
        }
        def("setattr") { i, a in
            try i.exactArgs(a, "setattr", 3)
            guard let n = a.positional[1] as? PyString else { throw i.typeError("attribute name must be string, not '\(i.typeName(a.positional[1]))'") }
            try i.setAttribute(a.positional[0], n.value, a.positional[2])
            return PyNone.shared
        }
        def("delattr") { i, a in
            try i.exactArgs(a, "delattr", 2)
            guard let n = a.positional[1] as? PyString else { throw i.typeError("attribute name must be string") }
            try i.deleteAttribute(a.positional[0], n.value)
            return PyNone.shared
        }
        def("any") { i, a in
            try i.exactArgs(a, "any", 1)
            let it = try i.getIterator(a.positional[0])
            while let x = try i.nextItem(it) { if try i.truthy(x) { return PyBool.trueValue } }
            return PyBool.falseValue
        }
        def("all") { i, a in
            try i.exactArgs(a, "all", 1)
            let it = try i.getIterator(a.positional[0])
            while let x = try i.nextItem(it) { if !(try i.truthy(x)) { return PyBool.falseValue } }
            return PyBool.trueValue
        }
        def("sum") { i, a in
            let items = try i.iterateToArray(try i.arg(a, 0, "sum"))
            var total: PyObject = i.optArg(a, 1, "start") ?? PyInt.make(0)
            if total is PyString { throw i.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            var rest = items[...]
            if let start = total.exactInt, start.big == nil {
                // CPython's own fast path: exact ints add in a machine word, with no object per
                // partial sum, until an item is not an int or the sum would overflow.
                var acc = start.small
                while let x = rest.first?.exactInt, x.big == nil {
                    let (next, overflow) = acc.addingReportingOverflow(x.small)
                    if overflow { break }
                    acc = next
                    rest = rest.dropFirst()
                }
                total = PyInt.make(acc)
            }
            for x in rest { total = try i.binaryOp(.add, total, x) }
            return total
        }
        def("min") { i, a in try i.minMax(a, "min", .lt) }
        def("max") { i, a in try i.minMax(a, "max", .gt) }
        def("sorted") { i, a in
            let items = try i.iterateToArray(try i.arg(a, 0, "sorted"))
            let l = PyList(items)
            try i.sortList(l, key: a.keyword("key"), reverse: try a.keyword("reverse").map { try i.truthy($0) } ?? false)
            return l
        }
        def("reversed") { i, a in
            try i.exactArgs(a, "reversed", 1)
            let o = a.positional[0]
            if let m = i.specialMethod(o, "__reversed__") { return try i.call(m, CallArgs([o])) }
            let items: [PyObject]
            switch o {
            case is PyList, is PyTuple, is PyString, is PyRange, is PyBytes: items = try i.iterateToArray(o)
            case let d as PyDict: items = i.dictKeys(d)
            default:
                if i.specialMethod(o, "__getitem__") != nil && i.specialMethod(o, "__len__") != nil {
                    let n = try i.length(o)
                    var out: [PyObject] = []
                    for k in stride(from: n - 1, through: 0, by: -1) { out.append(try i.getItem(o, PyInt.make(k))) }
                    items = out.reversed()
                } else {
                    throw i.typeError("'\(i.typeName(o))' object is not reversible")
                }
            }
            var k = items.count
            return PyNativeIterator(o is PyList ? "list_reverseiterator" : "reversed") { _ in
                guard k > 0 else { return nil }
                k -= 1
                return items[k]
            }
        }
        def("enumerate") { i, a in
            let it = try i.getIterator(try i.arg(a, 0, "enumerate", "iterable"))
            var n = try i.optArg(a, 1, "start").map { try i.intArg($0) } ?? 0
            return PyNativeIterator("enumerate") { interp in
                guard let v = try interp.nextItem(it) else { return nil }
                n += 1
                return PyTuple([PyInt.make(n - 1), v])
            }
        }
        def("zip") { i, a in
            let strict = try a.keyword("strict").map { try i.truthy($0) } ?? false
            let its = try a.positional.enumerated().map { (k, o) -> PyObject in
                if !i.isIterable(o) { throw i.typeError("zip argument #\(k + 1) must support iteration") }
                return try i.getIterator(o)
            }
            return PyNativeIterator("zip") { interp in
                if its.isEmpty { return nil }
                var out: [PyObject] = []
                for (k, it) in its.enumerated() {
                    guard let v = try interp.nextItem(it) else {
                        if strict { try interp.checkStrictZipEnd(its, exhausted: k) }
                        return nil
                    }
                    out.append(v)
                }
                return PyTuple(out)
            }
        }
        def("map") { i, a in
            guard a.positional.count >= 2 else { throw i.typeError("map() must have at least two arguments.") }
            let fn = a.positional[0]
            let its = try a.positional.dropFirst().map { try i.getIterator($0) }
            return PyNativeIterator("map") { interp in
                var args: [PyObject] = []
                for it in its {
                    guard let v = try interp.nextItem(it) else { return nil }
                    args.append(v)
                }
                return try interp.call(fn, CallArgs(args))
            }
        }
        def("filter") { i, a in
            try i.exactArgs(a, "filter", 2)
            let fn = a.positional[0]
            let it = try i.getIterator(a.positional[1])
            return PyNativeIterator("filter") { interp in
                while let v = try interp.nextItem(it) {
                    let keep = fn is PyNone ? try interp.truthy(v) : try interp.truthy(try interp.call(fn, CallArgs([v])))
                    if keep { return v }
                }
                return nil
            }
        }
        def("divmod") { i, a in
            try i.exactArgs(a, "divmod", 2)
            let x = a.positional[0], y = a.positional[1]
            if let yi = y as? PyInt, x is PyInt, yi.big == nil, yi.small == 0 {
                throw i.error(ExceptionTypes.zeroDivisionError, "integer division or modulo by zero")
            }
            return PyTuple([try i.binaryOp(.floorDiv, x, y), try i.binaryOp(.mod, x, y)])
        }
        def("pow") { i, a in
            let x = try i.arg(a, 0, "pow", "base"), y = try i.arg(a, 1, "pow", "exp")
            if let m = i.optArg(a, 2, "mod"), !(m is PyNone) {
                guard let xb = x as? PyInt, let yb = y as? PyInt, let mb = m as? PyInt else {
                    throw i.typeError("pow() 3rd argument not allowed unless all arguments are integers")
                }
                do {
                    return PyInt.make(try bigIntPowMod(xb.bigValue, yb.bigValue, modulus: mb.bigValue))
                } catch let e as SupportError {
                    throw i.convert(e)
                }
            }
            return try i.binaryOp(.pow, x, y)
        }
        def("round") { i, a in
            let x = try i.arg(a, 0, "round", "number")
            let nd = i.optArg(a, 1, "ndigits")
            do {
                if let f = x as? PyFloat {
                    if let nd, !(nd is PyNone) { return PyFloat(try pythonRound(f.value, ndigits: try i.intArg(nd))) }
                    return PyInt.make(try pythonRound(f.value))
                }
                if let n = x as? PyInt {
                    if let nd, !(nd is PyNone) { return PyInt.make(pythonRoundInt(n.bigValue, ndigits: try i.intArg(nd))) }
                    return PyInt.make(n.bigValue)
                }
            } catch let e as SupportError { throw i.convert(e) }
            if let m = i.specialMethod(x, "__round__") { return try i.call(m, CallArgs([x] + (nd.map { [$0] } ?? []))) }
            throw i.typeError("type \(i.typeName(x)) doesn't define __round__ method")
        }
        def("input") { i, a in
            if let p = a.positional.first { try i.writeText(try i.str(p), to: nil) }
            throw PyError(exception: i.newException(ExceptionTypes.eofError, [PyString("EOF when reading a line")]))
        }
        def("open") { i, a in
            let mode = (i.optArg(a, 1, "mode") as? PyString)?.value ?? "r"
            if mode.contains("w") || mode.contains("a") || mode.contains("x") || mode.contains("+") {
                throw i.permissionDenied("opening files for writing")
            }
            throw i.permissionDenied("reading files")
        }
        def("vars") { i, a in
            if let o = a.positional.first { return try i.getAttribute(o, "__dict__") }
            return i.dictFromStrings(i.mainGlobals.values)
        }
        def("globals") { i, _ in i.dictFromStrings(i.mainGlobals.values) }
        def("locals") { i, _ in i.dictFromStrings(i.mainGlobals.values) }
        def("dir") { i, a in
            let names = try a.positional.first.map { try i.directoryNames($0) } ?? i.mainGlobals.values.keys.sorted()
            return PyList(names.map { PyString($0) })
        }
        for name in ["exec", "eval", "compile", "__import__", "breakpoint", "memoryview"] {
            def(name) { i, _ in
                throw i.error(ExceptionTypes.notImplementedError, "\(name)() is not supported by this Python engine")
            }
        }
        def("exit") { i, a in throw PyError(exception: i.newException(ExceptionTypes.systemExit, a.positional)) }
        b["quit"] = b["exit"]
        return b
    }

    func isInstance(_ o: PyObject, _ spec: PyObject) throws -> Bool {
        if let c = spec as? PyClass {
            return o.pyClass.isSubclass(of: c)
        }
        if let t = spec as? PyTuple {
            try enterCall(while: " in __instancecheck__")
            defer { callDepth -= 1 }
            for x in t.items where try isInstance(o, x) { return true }
            return false
        }
        throw typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
    }

    func classMatches(_ c: PyClass, _ spec: PyObject, _ fname: String) throws -> Bool {
        if let k = spec as? PyClass { return c.isSubclass(of: k) }
        if let t = spec as? PyTuple {
            for x in t.items where try classMatches(c, x, fname) { return true }
            return false
        }
        throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union")
    }

    func intToBase(_ o: PyObject, _ radix: Int, _ prefix: String) throws -> String {
        guard let i = o as? PyInt else {
            throw typeError("'\(typeName(o))' object cannot be interpreted as an integer")
        }
        let v = i.bigValue
        let digits = String(v.magnitude, radix: radix)
        return (v.sign == .minus && v != 0 ? "-" : "") + prefix + digits
    }

    func minMax(_ a: CallArgs, _ name: String, _ op: CompareOp) throws -> PyObject {
        let items: [PyObject]
        if a.positional.count == 1 {
            items = try iterateToArray(a.positional[0])
        } else if a.positional.isEmpty {
            throw typeError("\(name) expected at least 1 argument, got 0")
        } else {
            items = a.positional
        }
        let key = a.keyword("key").flatMap { $0 is PyNone ? nil : $0 }
        guard !items.isEmpty else {
            if let d = a.keyword("default") { return d }
            throw valueError("\(name)() arg is an empty sequence")
        }
        var best = items[0]
        var bestKey = try key.map { try call($0, CallArgs([best])) } ?? best
        for x in items.dropFirst() {
            let k = try key.map { try call($0, CallArgs([x])) } ?? x
            if try compareBool(op, k, bestKey) {
                best = x
                bestKey = k
            }
        }
        return best
    }

    func sortList(_ l: PyList, key: PyObject?, reverse: Bool) throws {
        let key = key.flatMap { $0 is PyNone ? nil : $0 }
        let keys = try key.map { k in try l.items.map { try call(k, CallArgs([$0])) } } ?? l.items
        if let ints = smallInts(keys) {
            // All keys machine-word ints: sort (key, position) pairs with an inlined comparison.
            // Ties go by position both ways, which is exactly the stable order Python keeps.
            var pairs = ints.enumerated().map { (key: $0.element, position: $0.offset) }
            if reverse {
                pairs.sort { $0.key != $1.key ? $0.key > $1.key : $0.position < $1.position }
            } else {
                pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
            }
            let items = l.items
            l.items = pairs.map { items[$0.position] }
            return
        }
        if let rows = SmallIntRows(keys) {
            // All keys tuples of machine-word ints (`key=lambda r: (r[0], -r[1])`): compared
            // item by item without objects, ties by position as above.
            var order = Array(0..<keys.count)
            if reverse {
                order.sort { rows.compare($1, $0) ?? ($0 < $1) }
            } else {
                order.sort { rows.compare($0, $1) ?? ($0 < $1) }
            }
            let items = l.items
            l.items = order.map { items[$0] }
            return
        }
        var idx = Array(0..<l.items.count)
        let lessThan = try homogeneousLessThan(keys) ?? { x, y in
            if let a = keys[x] as? PyInt, let b = keys[y] as? PyInt, a.big == nil, b.big == nil { return a.small < b.small }
            return try self.compareBool(.lt, keys[x], keys[y])
        }
        // Swift's sort is stable, as Python's is: equal keys keep their order both ways.
        if reverse { try idx.sort { try lessThan($1, $0) } } else { try idx.sort(by: lessThan) }
        let items = l.items
        l.items = idx.map { items[$0] }
    }

    /// CPython's pre-sort check (listsort's `unsafe_*_compare`): when every key is a small int,
    /// or every key is a str, or every key is a tuple whose first item is a small int, keys are
    /// compared without a dynamic cast and a bool object per comparison (callgrind showed
    /// comparisons at 42% of a key-sort, BENCHMARKS.md). Nil: use the general comparison.
    private func homogeneousLessThan(_ keys: [PyObject]) throws -> ((Int, Int) throws -> Bool)? {
        guard keys.count > 1 else { return nil }
        if let ints = smallInts(keys) { return { ints[$0] < ints[$1] } }
        let strings = keys.compactMap { $0 as? PyString }
        if strings.count == keys.count {
            // UTF-8 byte order is code point order, which is how Python orders str.
            let utf8 = strings.map { Array($0.value.utf8) }
            return { utf8[$0].lexicographicallyPrecedes(utf8[$1]) }
        }
        let tuples = keys.compactMap { type(of: $0) == PyTuple.self ? $0 as? PyTuple : nil }
        if tuples.count == keys.count, tuples.allSatisfy({ !$0.items.isEmpty }),
           let firsts = smallInts(tuples.map { $0.items[0] }) {
            return { x, y in
                if firsts[x] != firsts[y] { return firsts[x] < firsts[y] }
                return try self.compareBool(.lt, keys[x], keys[y])
            }
        }
        return nil
    }

    /// The values when every object is exactly an int (not a subclass, not a big one).
    private func smallInts(_ objects: [PyObject]) -> [Int]? {
        var values: [Int] = []
        values.reserveCapacity(objects.count)
        for o in objects {
            guard type(of: o) == PyInt.self, let i = o as? PyInt, i.big == nil else { return nil }
            values.append(i.small)
        }
        return values
    }

    /// Writes to stdout, or to the `file=` object (sys.stdout/sys.stderr or anything with write()).
    func writeText(_ text: String, to target: PyObject?) throws {
        guard let target else { try stdout.write(text); return }
        if let m = target as? PyModule, m.name == "sys.stderr" { try stderr.write(text); return }
        if let m = target as? PyModule, m.name == "sys.stdout" { try stdout.write(text); return }
        _ = try call(try getAttribute(target, "write"), CallArgs([PyString(text)]))
    }

    func flushTarget(_ target: PyObject?) throws {
        if let m = target as? PyModule, m.name == "sys.stderr" { stderr.flush(); return }
        if target == nil || (target as? PyModule)?.name == "sys.stdout" { stdout.flush(); return }
        if let f = try getAttributeOrNil(target!, "flush") { _ = try call(f, CallArgs()) }
    }
}

extension Interpreter {
    /// `callable(v)`.
    func isCallable(_ v: PyObject) -> Bool {
        v is PyFunction || v is PyNativeFunction || v is PyBoundMethod || v is PyClass || v is PyLruCacheWrapper
            || specialMethod(v, "__call__") != nil
    }

    /// `dir(o)`: the sorted names of its own namespace and of its type's MRO.
    func directoryNames(_ o: PyObject) throws -> [String] {
        var names: Set<String> = []
        if let inst = o as? PyInstance { names.formUnion(inst.attributes.keys) }
        if let m = o as? PyModule { names.formUnion(m.dict.keys) }
        let cls = (o as? PyClass) ?? o.pyClass
        for k in cls.mro { names.formUnion(k.dict.keys) }
        return names.sorted()
    }

    /// `zip(..., strict=True)` ran out of iterator `exhausted`: CPython then raises if that was not
    /// the first one ("shorter"), or if any later one still has an item ("longer"), naming the
    /// arguments as `argument 1` or `arguments 1-k`.
    func checkStrictZipEnd(_ its: [PyObject], exhausted: Int) throws {
        func others(_ k: Int) -> String { k == 1 ? "argument 1" : "arguments 1-\(k)" }
        if exhausted > 0 {
            throw valueError("zip() argument \(exhausted + 1) is shorter than \(others(exhausted))")
        }
        for k in its.indices.dropFirst() where try nextItem(its[k]) != nil {
            throw valueError("zip() argument \(k + 1) is longer than \(others(k))")
        }
    }
}

/// Sort keys that are all tuples of machine-word ints, flattened into one array so that
/// comparing two keys touches no object: Python's tuple order (the first differing item decides,
/// else the shorter tuple is smaller).
struct SmallIntRows {
    private var flat: [Int] = []
    private var starts: [Int] = []
    private var ends: [Int] = []

    /// Nil unless every key is exactly a tuple whose items are all exactly small ints.
    init?(_ keys: [PyObject]) {
        guard keys.count > 1 else { return nil }
        starts.reserveCapacity(keys.count)
        ends.reserveCapacity(keys.count)
        for key in keys {
            guard let tuple = key.exactTuple else { return nil }
            starts.append(flat.count)
            for item in tuple.items {
                guard let i = item.exactInt, i.big == nil else { return nil }
                flat.append(i.small)
            }
            ends.append(flat.count)
        }
    }

    /// Whether row `a` sorts before row `b`; nil when they are equal.
    @inline(__always)
    func compare(_ a: Int, _ b: Int) -> Bool? {
        var i = starts[a], j = starts[b]
        let endA = ends[a], endB = ends[b]
        while i < endA && j < endB {
            if flat[i] != flat[j] { return flat[i] < flat[j] }
            i += 1
            j += 1
        }
        let lengthA = endA - starts[a], lengthB = endB - starts[b]
        return lengthA == lengthB ? nil : lengthA < lengthB
    }
}
