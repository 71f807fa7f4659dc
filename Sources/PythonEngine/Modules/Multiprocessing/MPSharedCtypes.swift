import ProcessRuntime

/// The C types `Value`/`Array` accept, by typecode, with ctypes' wrap-around for integers.
struct CTypeCode {
    let code: String
    let ctypeName: String
    let isFloat: Bool
    let bits: Int
    let signed: Bool

    static let all: [String: CTypeCode] = {
        var d: [String: CTypeCode] = [:]
        for (code, name, isFloat, bits, signed) in [
            ("b", "c_byte", false, 8, true), ("B", "c_ubyte", false, 8, false), ("h", "c_short", false, 16, true),
            ("H", "c_ushort", false, 16, false), ("i", "c_int", false, 32, true), ("I", "c_uint", false, 32, false),
            ("l", "c_long", false, 64, true), ("L", "c_ulong", false, 64, false), ("q", "c_longlong", false, 64, true),
            ("Q", "c_ulonglong", false, 64, false), ("f", "c_float", true, 32, true), ("d", "c_double", true, 64, true),
        ] {
            d[code] = CTypeCode(code: code, ctypeName: name, isFloat: isFloat, bits: bits, signed: signed)
        }
        return d
    }()

    /// Stores a Python number as ctypes would (integers wrap, `f` rounds to single precision).
    func store(_ interp: Interpreter, _ o: PyObject) throws -> Double {
        if isFloat {
            let v: Double
            if let f = o as? PyFloat { v = f.value } else if let i = o as? PyInt { v = Double(i.small) } else {
                throw interp.typeError("must be real number, not \(interp.typeName(o))")
            }
            return bits == 32 ? Double(Float(v)) : v
        }
        guard let i = o as? PyInt, !(o is PyFloat) else { throw interp.typeError("int expected instead of \(interp.typeName(o))") }
        let truncated = Int64(truncatingIfNeeded: i.bigValue)
        return Double(bitPattern: UInt64(bitPattern: wrap(truncated)))
    }

    private func wrap(_ v: Int64) -> Int64 {
        if bits == 64 { return v }
        let mask = (Int64(1) << bits) - 1
        var w = v & mask
        if signed && w >= (Int64(1) << (bits - 1)) { w -= Int64(1) << bits }
        return w
    }

    func load(_ raw: Double) -> PyObject {
        if isFloat { return PyFloat(raw) }
        let v = Int64(bitPattern: raw.bitPattern)
        if !signed && bits == 64 { return PyInt.make(Int(bitPattern: UInt(UInt64(bitPattern: v)))) }
        return PyInt.make(Int(v))
    }
}

/// `Value`: one C number in shared memory (stored as 8 raw bytes), with its lock.
final class MPValue: PyInstance, @unchecked Sendable {
    let type: CTypeCode
    let storage: SharedArray<Double>
    let lockObject: MPLock?
    init(cls: PyClass, type: CTypeCode, storage: SharedArray<Double>, lock: MPLock?) {
        self.type = type
        self.storage = storage
        self.lockObject = lock
        super.init(cls: cls)
    }
}

/// `Array`: a fixed-size C array in shared memory, with its lock.
final class MPArray: PyInstance, @unchecked Sendable {
    let type: CTypeCode
    let storage: SharedArray<Double>
    let lockObject: MPLock?
    init(cls: PyClass, type: CTypeCode, storage: SharedArray<Double>, lock: MPLock?) {
        self.type = type
        self.storage = storage
        self.lockObject = lock
        super.init(cls: cls)
    }
}

extension Interpreter {
    func ctype(_ o: PyObject?) throws -> CTypeCode {
        guard let s = o as? PyString else {
            throw typeError("only typecode strings ('i', 'd', ...) are supported for shared values by this engine, not \(o.map { typeName($0) } ?? "nothing")")
        }
        guard let t = CTypeCode.all[s.value] else {
            if s.value == "c" || s.value == "u" { throw typeError("typecode '\(s.value)' (characters) is not supported by this engine") }
            throw typeError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        }
        return t
    }

    func sharedLock(_ a: NativeArguments, _ state: MultiprocessingState) throws -> MPLock? {
        guard let l = a.raw("lock") else { return try newLock(state, recursive: true) }
        if let given = l as? MPLock { return given }
        if try truthy(l) { return try newLock(state, recursive: true) }
        return nil
    }

    func makeSharedCtypesClasses(_ state: MultiprocessingState) throws -> (value: PyClass, array: PyClass) {
        let value = makeNativeClass(name: "Synchronized", module: "multiprocessing.sharedctypes", constructor: nil, methods: [:])
        value.constructor = { interp, args in
            let a = try NativeArguments(interp, args, function: "Value", parameters: ["typecode_or_type", "value", "lock"])
            let t = try interp.ctype(a.raw("typecode_or_type"))
            let storage = try SharedArray<Double>(in: try SharedMemoryRegion(size: 64), count: 1, repeating: 0)
            storage[0] = try t.store(interp, a.raw("value") ?? PyInt.make(0))
            let v = MPValue(cls: value, type: t, storage: storage, lock: try interp.sharedLock(a, state))
            _ = state.register(shared: v)
            return v
        }
        let vb = NativeClassBuilder(value, MPValue.self)
        vb.property("value", get: { _, v in v.type.load(v.storage[0]) }, set: { interp, v, new in v.storage[0] = try v.type.store(interp, new) })
        vb.method("get_lock") { interp, v, _ in
            guard let l = v.lockObject else { throw interp.attributeError("'c_int' object has no attribute 'get_lock'") }
            return l
        }
        vb.method("get_obj") { _, v, _ in v.type.load(v.storage[0]) }
        vb.method("acquire", ["block", "timeout"]) { interp, v, a in
            let (block, timeout) = try interp.acquireArguments(a)
            return PyBool.of(try v.lockObject?.lock.acquire(blocking: block, timeout: timeout) ?? true)
        }
        vb.method("release") { _, v, _ in try v.lockObject?.lock.release(); return PyNone.shared }
        vb.method("__enter__") { _, v, _ in PyBool.of(try v.lockObject?.lock.acquire(blocking: true, timeout: nil) ?? true) }
        vb.method("__exit__", ["t", "v", "tb"]) { interp, v, _ in try v.lockObject?.lock.release(); return PyNone.shared }
        try vb.dunders(self, ["__repr__": { interp, v, _ in
            PyString("<Synchronized wrapper for \(v.type.ctypeName)(\(try interp.repr(v.type.load(v.storage[0]))))>")
        }])

        let array = makeNativeClass(name: "SynchronizedArray", module: "multiprocessing.sharedctypes", constructor: nil, methods: [:])
        array.constructor = { interp, args in
            let a = try NativeArguments(interp, args, function: "Array", parameters: ["typecode_or_type", "size_or_initializer", "lock"])
            let t = try interp.ctype(a.raw("typecode_or_type"))
            guard let source = a.raw("size_or_initializer") else {
                throw interp.typeError("Array() missing 1 required positional argument: 'size_or_initializer'")
            }
            var initial: [Double]
            if let n = source as? PyInt {
                if n.small < 0 { throw interp.valueError("Array length must be >= 0") }
                initial = Array(repeating: 0, count: n.small)
            } else {
                initial = try interp.iterateToArray(source).map { try t.store(interp, $0) }
            }
            let storage = try SharedArray<Double>(in: try SharedMemoryRegion(size: max(64, initial.count * 8 + 64)), count: initial.count, repeating: 0)
            for (i, x) in initial.enumerated() { storage[i] = x }
            let arr = MPArray(cls: array, type: t, storage: storage, lock: try interp.sharedLock(a, state))
            _ = state.register(shared: arr)
            return arr
        }
        let ab = NativeClassBuilder(array, MPArray.self)
        ab.method("get_lock") { interp, arr, _ in
            guard let l = arr.lockObject else { throw interp.attributeError("'c_int_Array' object has no attribute 'get_lock'") }
            return l
        }
        ab.method("get_obj") { _, arr, _ in PyList(arr.storage.elements.map(arr.type.load)) }
        ab.method("acquire", ["block", "timeout"]) { interp, arr, a in
            let (block, timeout) = try interp.acquireArguments(a)
            return PyBool.of(try arr.lockObject?.lock.acquire(blocking: block, timeout: timeout) ?? true)
        }
        ab.method("release") { _, arr, _ in try arr.lockObject?.lock.release(); return PyNone.shared }
        ab.method("__enter__") { _, arr, _ in PyBool.of(try arr.lockObject?.lock.acquire(blocking: true, timeout: nil) ?? true) }
        ab.method("__exit__", ["t", "v", "tb"]) { interp, arr, _ in try arr.lockObject?.lock.release(); return PyNone.shared }
        try ab.dunders(self, [
            "__len__": { _, arr, _ in PyInt.make(arr.storage.count) },
            "__getitem__": { interp, arr, args in
                let index = args.first ?? PyNone.shared
                if let s = index as? PySlice {
                    return PyList(try interp.sliceRange(s, count: arr.storage.count).map { arr.type.load(arr.storage[$0]) })
                }
                let i = try interp.sequenceIndex(index, count: arr.storage.count, what: "array")
                return arr.type.load(arr.storage[i])
            },
            "__setitem__": { interp, arr, args in
                guard args.count == 2 else { throw interp.typeError("__setitem__ expected 2 arguments") }
                if let s = args[0] as? PySlice {
                    let indices = try interp.sliceRange(s, count: arr.storage.count)
                    let values = try interp.iterateToArray(args[1])
                    guard values.count == indices.count else { throw interp.valueError("Can only assign sequence of same size") }
                    for (i, v) in zip(indices, values) { arr.storage[i] = try arr.type.store(interp, v) }
                    return PyNone.shared
                }
                let i = try interp.sequenceIndex(args[0], count: arr.storage.count, what: "array")
                arr.storage[i] = try arr.type.store(interp, args[1])
                return PyNone.shared
            },
            "__iter__": { interp, arr, _ in try interp.getIterator(PyList(arr.storage.elements.map(arr.type.load))) },
            "__repr__": { interp, arr, _ in
                PyString("<SynchronizedArray wrapper for <multiprocessing.sharedctypes.\(arr.type.ctypeName)_Array_\(arr.storage.count) object at \(PicklingRules.hexAddress(UInt(bitPattern: interp.id(of: arr))))>>")
            },
        ])
        return (value, array)
    }
}
