import BigInt

/// Installs constructors and methods on the builtin type objects exactly once per process.
let builtinMethodsInstalled: Bool = {
    BuiltinMethodTables.install()
    return true
}()

extension Interpreter {
    func installBuiltinMethodsOnce() { _ = builtinMethodsInstalled }
}

enum BuiltinMethodTables {
    static func method(_ cls: PyClass, _ name: String, _ body: @escaping NativeBody) {
        cls.dict[name] = PyNativeFunction(name, owner: cls.name, isMethod: true, body)
    }

    /// The receiver of a native method call (unwrapping user subclasses of builtin types).
    static func receiver<T: PyObject>(_ i: Interpreter, _ a: CallArgs, _ type: T.Type, _ name: String) throws -> T {
        if let r = a.positional.first as? T { return r }
        if let inst = a.positional.first as? PyInstance, let r = inst.builtinValue as? T { return r }
        let owner: String
        switch type {
        case is PyString.Type: owner = "str"
        case is PyList.Type: owner = "list"
        case is PyDict.Type: owner = "dict"
        case is PySet.Type: owner = "set"
        case is PyTuple.Type: owner = "tuple"
        case is PyBytes.Type: owner = "bytes"
        case is PyInt.Type: owner = "int"
        case is PyFloat.Type: owner = "float"
        default: owner = "object"
        }
        guard let first = a.positional.first else {
            throw i.typeError("descriptor '\(name)' of '\(owner)' object needs an argument")
        }
        throw i.typeError("descriptor '\(name)' for '\(owner)' objects doesn't apply to a '\(i.typeName(first))' object")
    }

    static func install() {
        installConstructors()
        installStrMethods()
        installBytesMethods()
        installByteArrayMethods()
        installListMethods()
        installDictMethods()
        installSetMethods()
        installMiscMethods()
    }

    static func installConstructors() {
        BuiltinTypes.int.constructor = { i, a in
            guard let x = a.positional.first ?? a.keyword("x") else { return PyInt.make(0) }
            if let baseObj = a.positional.count > 1 ? a.positional[1] : a.keyword("base") {
                let base = try i.intArg(baseObj)
                guard let s = x as? PyString else { throw i.typeError("int() can't convert non-string with explicit base") }
                do { return PyInt.make(try parsePythonInt(s.value, base: base)) } catch let e as SupportError { throw i.convert(e) }
            }
            return try i.toInt(x)
        }
        BuiltinTypes.bool.constructor = { i, a in PyBool.of(try a.positional.first.map { try i.truthy($0) } ?? false) }
        BuiltinTypes.float.constructor = { i, a in
            guard let x = a.positional.first else { return PyFloat(0) }
            switch x {
            case let f as PyFloat: return PyFloat(f.value)
            case let n as PyInt:
                do { return PyFloat(try bigIntToDouble(n.bigValue)) } catch let e as SupportError { throw i.convert(e) }
            case let s as PyString:
                do { return PyFloat(try pythonFloatFromString(s.value)) } catch let e as SupportError { throw i.convert(e) }
            default:
                if let r = try i.callSpecial(x, "__float__") { return r }
                throw i.typeError("float() argument must be a string or a real number, not '\(i.typeName(x))'")
            }
        }
        BuiltinTypes.complex.constructor = { i, a in
            let r = try a.positional.first.flatMap { try i.asDouble($0) } ?? 0
            let im = try (a.positional.count > 1 ? a.positional[1] : nil).flatMap { try i.asDouble($0) } ?? 0
            return PyComplex(r, im)
        }
        BuiltinTypes.str.constructor = { i, a in
            guard let x = a.positional.first ?? a.keyword("object") else { return PyString.empty }
            if let b = x as? PyBytes, let encoding = (a.positional.count > 1 ? a.positional[1] : a.keyword("encoding")) as? PyString {
                let errors = ((a.positional.count > 2 ? a.positional[2] : a.keyword("errors")) as? PyString)?.value ?? "strict"
                do { return PyString(try pythonDecode(b.value, encoding: encoding.value, errors: errors)) } catch let e as SupportError { throw i.convert(e) }
            }
            return PyString(try i.str(x))
        }
        BuiltinTypes.bytes.constructor = { i, a in
            guard let x = a.positional.first else { return PyBytes([]) }
            if let s = x as? PyString {
                guard let encoding = (a.positional.count > 1 ? a.positional[1] : a.keyword("encoding")) as? PyString else {
                    throw i.typeError("string argument without an encoding")
                }
                let errors = ((a.positional.count > 2 ? a.positional[2] : a.keyword("errors")) as? PyString)?.value ?? "strict"
                do { return PyBytes(try pythonEncode(s.value, encoding: encoding.value, errors: errors)) } catch let e as SupportError { throw i.convert(e) }
            }
            if let n = x as? PyInt {
                if n.bigValue.sign == .minus { throw i.valueError("negative count") }
                guard n.big == nil, n.small <= 100_000_000 else { throw i.error(ExceptionTypes.memoryError, "") }
                return PyBytes(Array(repeating: 0, count: n.small))
            }
            return PyBytes(try i.iterateToArray(x).map { o -> UInt8 in
                let v = try i.intArg(o)
                guard v >= 0 && v < 256 else { throw i.valueError("bytes must be in range(0, 256)") }
                return UInt8(v)
            })
        }
        BuiltinTypes.list.constructor = { i, a in
            if a.positional.count > 1 { throw i.typeError("list expected at most 1 argument, got \(a.positional.count)") }
            return PyList(try a.positional.first.map { try i.iterateToArray($0) } ?? [])
        }
        BuiltinTypes.tuple.constructor = { i, a in
            if a.positional.count > 1 { throw i.typeError("tuple expected at most 1 argument, got \(a.positional.count)") }
            return PyTuple(try a.positional.first.map { try i.iterateToArray($0) } ?? [])
        }
        BuiltinTypes.dict.constructor = { i, a in
            let d = PyDict()
            if let src = a.positional.first { try i.dictUpdate(d, src) }
            for (k, v) in a.keywords { try i.dictSet(d, PyString(k), v) }
            return d
        }
        BuiltinTypes.set.constructor = { i, a in
            guard let src = a.positional.first else { return PySet() }
            return try i.makeSet(from: src)
        }
        BuiltinTypes.frozenset.constructor = { i, a in
            guard let src = a.positional.first else { return PySet(frozen: true) }
            return try i.makeSet(from: src, frozen: true)
        }
        BuiltinTypes.range.constructor = { i, a in
            func big(_ o: PyObject) throws -> BigInt {
                if let n = o as? PyInt { return n.bigValue }
                throw i.typeError("'\(i.typeName(o))' object cannot be interpreted as an integer")
            }
            if !a.keywords.isEmpty { throw i.typeError("range() takes no keyword arguments") }
            switch a.positional.count {
            case 1: return PyRange(start: 0, stop: try big(a.positional[0]), step: 1)
            case 2: return PyRange(start: try big(a.positional[0]), stop: try big(a.positional[1]), step: 1)
            case 3:
                let step = try big(a.positional[2])
                if step == 0 { throw i.valueError("range() arg 3 must not be zero") }
                return PyRange(start: try big(a.positional[0]), stop: try big(a.positional[1]), step: step)
            case 0: throw i.typeError("range expected at least 1 argument, got 0")
            default: throw i.typeError("range expected at most 3 arguments, got \(a.positional.count)")
            }
        }
        BuiltinTypes.slice.constructor = { _, a in
            let p = a.positional
            if p.count == 1 { return PySlice(PyNone.shared, p[0], PyNone.shared) }
            return PySlice(p.count > 0 ? p[0] : PyNone.shared, p.count > 1 ? p[1] : PyNone.shared, p.count > 2 ? p[2] : PyNone.shared)
        }
        BuiltinTypes.type.constructor = { i, a in
            if a.positional.count == 1 { return a.positional[0].pyClass }
            throw i.error(ExceptionTypes.notImplementedError, "type() with 3 arguments is not supported by this Python engine")
        }
        BuiltinTypes.staticmethod.constructor = { i, a in PyStaticMethod(try i.arg(a, 0, "staticmethod")) }
        BuiltinTypes.classmethod.constructor = { i, a in PyClassMethod(try i.arg(a, 0, "classmethod")) }
        BuiltinTypes.property.constructor = { i, a in
            PyProperty(getter: i.optArg(a, 0, "fget"), setter: i.optArg(a, 1, "fset"), deleter: i.optArg(a, 2, "fdel"))
        }
        BuiltinTypes.superType.constructor = { i, a in
            guard a.positional.count == 2, let c = a.positional[0] as? PyClass else {
                throw i.error(ExceptionTypes.runtimeError, "super(): no arguments")
            }
            return PySuper(startAfter: c, object: a.positional[1])
        }
        BuiltinTypes.object.constructor = { i, a in
            if !a.positional.isEmpty { throw i.typeError("object() takes no arguments") }
            return PyInstance(cls: BuiltinTypes.object)
        }
    }
}

extension Interpreter {
    func toInt(_ x: PyObject) throws -> PyObject {
        switch x {
        case let b as PyBool: return PyInt.make(b.small)
        case let n as PyInt: return n
        case let f as PyFloat:
            if f.value.isNaN { throw valueError("cannot convert float NaN to integer") }
            if f.value.isInfinite { throw error(ExceptionTypes.overflowError, "cannot convert float infinity to integer") }
            return PyInt.make(doubleToBigInt(f.value))
        case let s as PyString:
            do { return PyInt.make(try parsePythonInt(s.value, base: 10)) } catch { throw convert(error) }
        default:
            if let r = try callSpecial(x, "__int__") { return r }
            if let r = try callSpecial(x, "__index__") { return r }
            throw typeError("int() argument must be a string, a bytes-like object or a real number, not '\(typeName(x))'")
        }
    }

    func dictUpdate(_ d: PyDict, _ src: PyObject) throws {
        let hasKeys = try getAttributeOrNil(src, "keys") != nil
        if src is PyDict || hasKeys && !(src is PyList) {
            try mergeMapping(into: d, src)
            return
        }
        for (n, item) in try iterateToArray(src).enumerated() {
            if !isIterable(item) {
                throw typeError("cannot convert dictionary update sequence element #\(n) to a sequence")
            }
            let pair = try iterateToArray(item)
            guard pair.count == 2 else {
                throw valueError("dictionary update sequence element #\(n) has length \(pair.count); 2 is required")
            }
            try dictSet(d, pair[0], pair[1])
        }
    }
}
