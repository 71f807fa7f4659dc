import BigInt

let hashModulus = (1 << 61) - 1

extension Interpreter {
    func truthy(_ o: PyObject) throws -> Bool {
        // The common cases by class identity first: a comparison's bool, an int, None.
        let c = o.exactClass
        if c == ObjectIdentifier(PyBool.self) || c == ObjectIdentifier(PyInt.self) {
            let i = unsafeDowncast(o, to: PyInt.self)
            return i.small != 0 || i.big != nil
        }
        if c == ObjectIdentifier(PyNone.self) { return false }
        if c == ObjectIdentifier(PyString.self) { return !unsafeDowncast(o, to: PyString.self).value.isEmpty }
        if c == ObjectIdentifier(PyList.self) { return !unsafeDowncast(o, to: PyList.self).items.isEmpty }
        switch o {
        case let b as PyBool: return b.boolValue
        case let i as PyInt: return i.big != nil || i.small != 0
        case is PyNone: return false
        case let s as PyString: return !s.value.isEmpty
        case let l as PyList: return !l.items.isEmpty
        case let t as PyTuple: return !t.items.isEmpty
        case let d as PyDict: return !d.table.isEmpty
        case let s as PySet: return !s.table.isEmpty
        case let f as PyFloat: return f.value != 0
        case let r as PyRange: return r.length > 0
        case let b as PyBytes: return !b.value.isEmpty
        case let c as PyComplex: return c.real != 0 || c.imag != 0
        default: break
        }
        if let inst = o as? PyInstance {
            if let m = specialMethod(inst, "__bool__"), m is PyFunction {
                let v = try call(m, CallArgs([o]))
                guard let b = v as? PyBool else { throw typeError("__bool__ should return bool, returned \(typeName(v))") }
                return b.boolValue
            }
            if let m = specialMethod(inst, "__len__"), m is PyFunction {
                return try length(o) != 0
            }
            if let base = inst.builtinValue { return try truthy(base) }
        }
        return true
    }

    func hash(_ o: PyObject) throws -> Int {
        if let s = o.exactString { return s.hash }
        if let i = o.intOrBool, i.big == nil { return i.small == -1 ? -2 : hashOfSmall(i.small) }
        switch o {
        case let s as PyString: return s.hash
        case let i as PyInt:
            if i.big == nil { return i.small == -1 ? -2 : hashOfSmall(i.small) }
            return hashOfBig(i.bigValue)
        case let f as PyFloat: return hashOfDouble(f.value)
        case let t as PyTuple:
            // CPython's xxHash-based tuple hash (nested tuples count against the recursion limit).
            try enterCall()
            defer { callDepth -= 1 }
            var acc: UInt64 = 2870177450012600261
            for item in t.items {
                let lane = UInt64(bitPattern: Int64(try hash(item)))
                acc = acc &+ lane &* 14029467366897019727
                acc = (acc << 31) | (acc >> 33)
                acc = acc &* 11400714785074694791
            }
            acc = acc &+ (UInt64(t.items.count) ^ (2870177450012600261 ^ 3527539))
            let r = Int(Int64(bitPattern: acc))
            return r == -1 ? 1546275796 : r
        case is PyNone: return 0xFCA86420
        case let s as PySet where s.frozen:
            var h = 0
            for i in s.table.liveIndices { h ^= s.table.hashes[i] &* 1_000_003 }
            return h
        case is PyByteArray: throw typeError("unhashable type: 'bytearray'")
        case let b as PyBytes: return b.value.hashValue
        case is PyList: throw typeError("unhashable type: 'list'")
        case is PyDict: throw typeError("unhashable type: 'dict'")
        case let s as PySet where !s.frozen: throw typeError("unhashable type: 'set'")
        default: break
        }
        if let inst = o as? PyInstance {
            if let m = inst.cls.lookup("__hash__") {
                if m is PyNone { throw typeError("unhashable type: '\(inst.cls.name)'") }
                if m is PyFunction {
                    let v = try call(m, CallArgs([o]))
                    guard let i = v as? PyInt else { throw typeError("__hash__ method should return an integer") }
                    // CPython keeps a value that fits a machine word as it is, so that an
                    // `__hash__` returning `hash(y)` makes x hash like y (str hashes included).
                    if i.big == nil { return i.small == -1 ? -2 : i.small }
                    return try hash(i)
                }
            } else if inst.cls.lookup("__eq__") is PyFunction {
                throw typeError("unhashable type: '\(inst.cls.name)'")
            }
            // A subclass of a builtin type hashes as its value (`class S(str)` keys find the
            // plain str keys they equal), or is unhashable when the builtin type is.
            switch inst.builtinValue {
            case let base? where base is PyList || base is PyDict || base is PyByteArray || (base as? PySet)?.frozen == false:
                throw typeError("unhashable type: '\(inst.cls.name)'")
            case let base? where !(base is PyInstance): return try hash(base)
            default: break
            }
        }
        return id(of: o) >> 4
    }

    func hashOfSmall(_ v: Int) -> Int {
        if v >= 0 { return v < hashModulus ? v : v % hashModulus }
        let r = -((-v) % hashModulus)
        return r == -1 ? -2 : r
    }

    func hashOfBig(_ v: BigInt) -> Int {
        let m = BigInt(hashModulus)
        var r = Int(v.magnitude % m.magnitude)
        if v.sign == .minus { r = -r }
        return r == -1 ? -2 : r
    }

    /// CPython's `_Py_HashDouble`, so `hash(1.0) == hash(1)` and dict keys 1 and 1.0 collide.
    func hashOfDouble(_ v: Double) -> Int {
        if v.isInfinite { return v > 0 ? 314159 : -314159 }
        if v.isNaN { return 0 }
        var m = v
        var e = 0
        var sign = 1
        let fr = frexpParts(m)
        m = fr.0
        e = fr.1
        if m < 0 { sign = -1; m = -m }
        var x: UInt64 = 0
        let mod = UInt64(hashModulus)
        while m != 0 {
            x = ((x << 28) & mod) | x >> (61 - 28)
            m *= 268435456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= mod { x -= mod }
        }
        let ee = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
        x = ((x << UInt64(ee)) & mod) | x >> UInt64(61 - ee)
        var r = Int(x) * sign
        if r == -1 { r = -2 }
        return r
    }

    func frexpParts(_ v: Double) -> (Double, Int) {
        if v == 0 { return (0, 0) }
        let e = v.exponent + 1
        return (v / Double(sign: .plus, exponent: e, significand: 1), Int(e))
    }

    /// `a == b` as a Swift Bool (used by containers).
    /// PyObject_RichCompareBool(a, b, Py_EQ): what containers use (`in`, `index`, `count`,
    /// sequence equality). Identity implies equality here, so `nan in [nan]` and `[nan] == [nan]`
    /// are True although `nan == nan` is False.
    func equals(_ a: PyObject, _ b: PyObject) throws -> Bool {
        if a === b { return true }
        if let equal = Self.exactScalarEquality(a, b) { return equal }
        if let x = a as? PyInt, let y = b as? PyInt {
            if x.big == nil && y.big == nil { return x.small == y.small }
            return x.bigValue == y.bigValue
        }
        if let x = a as? PyString, let y = b as? PyString { return x.value == y.value }
        return try truthy(try compare(.eq, a, b))
    }

    /// `a op b` as a Swift Bool, for callers that only test the result (`if`, `while`,
    /// sorting, `min`/`max`): no bool object, and ints, floats and strs compare without casts.
    /// Same results and errors as `truthy(compare(op, a, b))`.
    func compareBool(_ op: CompareOp, _ a: PyObject, _ b: PyObject) throws -> Bool {
        if let r = builtinScalarCompare(op, a, b) { return r }
        if let r = try builtinSequenceCompare(op, a, b) { return r }
        return try truthy(try compare(op, a, b))
    }

    /// Rich comparison with CPython's reflected-operand rules and error messages.
    func compare(_ op: CompareOp, _ a: PyObject, _ b: PyObject) throws -> PyObject {
        if let r = builtinScalarCompare(op, a, b) { return PyBool.of(r) }
        if let r = try builtinSequenceCompare(op, a, b) { return PyBool.of(r) }
        switch op {
        case .is: return PyBool.of(a === b || bothSingletonEqual(a, b))
        case .isNot: return PyBool.of(!(a === b || bothSingletonEqual(a, b)))
        case .in: return PyBool.of(try contains(b, a))
        case .notIn: return PyBool.of(!(try contains(b, a)))
        default: break
        }
        if let r = try fastCompare(op, a, b) { return PyBool.of(r) }
        let (name, reflected) = dunderNames(op)
        if let m = specialMethod(a, name), m is PyFunction {
            let r = try call(m, CallArgs([a, b]))
            if !(r is PyNotImplemented) { return r }
        }
        if let m = specialMethod(b, reflected), m is PyFunction {
            let r = try call(m, CallArgs([b, a]))
            if !(r is PyNotImplemented) { return r }
        }
        if let inst = a as? PyInstance, let base = inst.builtinValue { return try compare(op, base, b) }
        if let inst = b as? PyInstance, let base = inst.builtinValue { return try compare(op, a, base) }
        switch op {
        case .eq: return PyBool.of(a === b)
        case .ne: return PyBool.of(a !== b)
        default:
            throw typeError(Messages.unorderable(op.rawValue, typeName(a), typeName(b)))
        }
    }

    /// The ordering operators between two machine-word ints (or bools), two floats or two strs,
    /// decided by class identity alone; nil for anything else (other types, big ints, `is`, `in`).
    @inline(__always)
    func builtinScalarCompare(_ op: CompareOp, _ a: PyObject, _ b: PyObject) -> Bool? {
        let ca = a.exactClass, cb = b.exactClass
        if (ca == ObjectIdentifier(PyInt.self) || ca == ObjectIdentifier(PyBool.self))
            && (cb == ObjectIdentifier(PyInt.self) || cb == ObjectIdentifier(PyBool.self)) {
            let x = unsafeDowncast(a, to: PyInt.self), y = unsafeDowncast(b, to: PyInt.self)
            guard x.big == nil && y.big == nil else { return nil }
            return orderedIfRich(op, x.small, y.small)
        }
        guard ca == cb else { return nil }
        if ca == ObjectIdentifier(PyString.self) {
            let x = unsafeDowncast(a, to: PyString.self), y = unsafeDowncast(b, to: PyString.self)
            switch op {
            case .eq: return x.hasDifferentCachedHash(than: y) ? false : x.value == y.value
            case .ne: return x.hasDifferentCachedHash(than: y) ? true : x.value != y.value
            default: return orderedIfRich(op, ScalarOrder(x.value), ScalarOrder(y.value))
            }
        }
        if ca == ObjectIdentifier(PyFloat.self) {
            return orderedIfRich(op, unsafeDowncast(a, to: PyFloat.self).value, unsafeDowncast(b, to: PyFloat.self).value)
        }
        return nil
    }

    /// The rich comparisons between two exact tuples or two exact lists (item by item, as
    /// `fastCompare` would after its casts); nil for anything else.
    @inline(__always)
    func builtinSequenceCompare(_ op: CompareOp, _ a: PyObject, _ b: PyObject) throws -> Bool? {
        let ca = a.exactClass
        guard ca == b.exactClass, orderedIfRich(op, 0, 0) != nil else { return nil }
        if ca == ObjectIdentifier(PyTuple.self) {
            return try compareSequences(op, unsafeDowncast(a, to: PyTuple.self).items, unsafeDowncast(b, to: PyTuple.self).items)
        }
        if ca == ObjectIdentifier(PyList.self) {
            return try compareSequences(op, unsafeDowncast(a, to: PyList.self).items, unsafeDowncast(b, to: PyList.self).items)
        }
        return nil
    }

    /// Equality of two exact strs, or two exact ints that fit a machine word, decided without
    /// running Python code (so hash tables can use it mid-mutation); nil for anything else.
    @inline(__always)
    static func exactScalarEquality(_ a: PyObject, _ b: PyObject) -> Bool? {
        let ca = a.exactClass
        guard ca == b.exactClass else { return nil }
        if ca == ObjectIdentifier(PyString.self) {
            let x = unsafeDowncast(a, to: PyString.self), y = unsafeDowncast(b, to: PyString.self)
            // Equal strings hash equally: a differing cached hash settles it without a scan.
            return x.hasDifferentCachedHash(than: y) ? false : x.value == y.value
        }
        if ca == ObjectIdentifier(PyInt.self) {
            let x = unsafeDowncast(a, to: PyInt.self), y = unsafeDowncast(b, to: PyInt.self)
            if x.big == nil && y.big == nil { return x.small == y.small }
        }
        return nil
    }

    /// `ordered` for the six rich comparisons; nil for `is`/`in`, which are not orderings.
    @inline(__always)
    func orderedIfRich<T: Comparable>(_ op: CompareOp, _ x: T, _ y: T) -> Bool? {
        switch op {
        case .eq: return x == y
        case .ne: return x != y
        case .lt: return x < y
        case .le: return x <= y
        case .gt: return x > y
        case .ge: return x >= y
        default: return nil
        }
    }

    func bothSingletonEqual(_ a: PyObject, _ b: PyObject) -> Bool {
        // Small ints and interned strings are shared in CPython; mimic `is` for small ints.
        if let x = a as? PyInt, let y = b as? PyInt, !(a is PyBool), !(b is PyBool), x.big == nil, y.big == nil {
            return x.small == y.small && x.small >= -5 && x.small <= 256
        }
        if let x = a as? PyString, let y = b as? PyString {
            return x.value == y.value && x.value.count <= 20 && x.value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
        return false
    }

    func dunderNames(_ op: CompareOp) -> (String, String) {
        switch op {
        case .eq: return ("__eq__", "__eq__")
        case .ne: return ("__ne__", "__ne__")
        case .lt: return ("__lt__", "__gt__")
        case .le: return ("__le__", "__ge__")
        case .gt: return ("__gt__", "__lt__")
        case .ge: return ("__ge__", "__le__")
        default: return ("", "")
        }
    }

    func ordered<T: Comparable>(_ op: CompareOp, _ x: T, _ y: T) -> Bool {
        orderedIfRich(op, x, y) ?? false
    }

    /// Comparisons between builtin values; nil when the operands need the dunder protocol.
    func fastCompare(_ op: CompareOp, _ a: PyObject, _ b: PyObject) throws -> Bool? {
        if let x = a as? PyInt, let y = b as? PyInt {
            if x.big == nil && y.big == nil { return ordered(op, x.small, y.small) }
            return ordered(op, x.bigValue, y.bigValue)
        }
        if let x = a as? PyFloat, let y = b as? PyFloat { return ordered(op, x.value, y.value) }
        if let x = a as? PyFloat, let y = b as? PyInt { return compareFloatInt(op, x.value, y) }
        if let x = a as? PyInt, let y = b as? PyFloat { return compareFloatInt(swapped(op), y.value, x) }
        if let x = a as? PyString, let y = b as? PyString {
            if op == .eq { return x.value == y.value }
            if op == .ne { return x.value != y.value }
            // Python orders strings by code point, not by Unicode collation.
            return ordered(op, ScalarOrder(x.value), ScalarOrder(y.value))
        }
        if let x = a as? PyList, let y = b as? PyList { return try compareSequences(op, x.items, y.items) }
        if let x = a as? PyTuple, let y = b as? PyTuple { return try compareSequences(op, x.items, y.items) }
        if let x = a as? PyBytes, let y = b as? PyBytes { return ordered(op, x.value.lexicographicallyPrecedes(y.value) ? 0 : (x.value == y.value ? 1 : 2), 1) }
        if a is PyNone || b is PyNone {
            if op == .eq { return a === b }
            if op == .ne { return a !== b }
        }
        if let x = a as? PyDict, let y = b as? PyDict, op == .eq || op == .ne {
            let eq = try dictsEqual(x, y)
            return op == .eq ? eq : !eq
        }
        if let x = a as? PySet, let y = b as? PySet { return try compareSets(op, x, y) }
        if let x = a as? PyRange, let y = b as? PyRange, op == .eq || op == .ne {
            let eq = x.length == y.length && (x.length == 0 || (x.start == y.start && (x.length == 1 || x.step == y.step)))
            return op == .eq ? eq : !eq
        }
        if let x = a as? PyComplex, let y = b as? PyComplex, op == .eq || op == .ne {
            let eq = x.real == y.real && x.imag == y.imag
            return op == .eq ? eq : !eq
        }
        if a.pyClass.isBuiltin && b.pyClass.isBuiltin && !(a is PyInstance) && !(b is PyInstance) {
            if op == .eq { return a === b }
            if op == .ne { return a !== b }
        }
        return nil
    }

    func swapped(_ op: CompareOp) -> CompareOp {
        switch op {
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        default: return op
        }
    }

    func compareFloatInt(_ op: CompareOp, _ f: Double, _ i: PyInt) -> Bool {
        if f.isNaN { return op == .ne }
        if i.big == nil, abs(i.small) < (1 << 53) { return ordered(op, f, Double(i.small)) }
        if f.isInfinite { return ordered(op, f, 0) }
        // Exact comparison: compare floor(f) as BigInt, then the fraction.
        let fl = f.rounded(.down)
        let fb = BigInt(fl)
        let iv = i.bigValue
        if fb != iv { return ordered(op, fb, iv) }
        return ordered(op, f - fl, 0)
    }

    func compareSequences(_ op: CompareOp, _ x: [PyObject], _ y: [PyObject]) throws -> Bool {
        try enterCall(while: " in comparison")
        defer { callDepth -= 1 }
        if (op == .eq || op == .ne) && x.count != y.count { return op == .ne }
        for i in 0..<min(x.count, y.count) where !(try equals(x[i], y[i])) {
            if op == .eq { return false }
            if op == .ne { return true }
            return try compareBool(op, x[i], y[i])
        }
        return ordered(op, x.count, y.count)
    }

    func dictsEqual(_ x: PyDict, _ y: PyDict) throws -> Bool {
        if x.table.count != y.table.count { return false }
        for i in x.table.liveIndices {
            guard let v = try dictGet(y, x.table.keys[i]!) else { return false }
            if !(try equals(x.table.values[i]!, v)) { return false }
        }
        return true
    }

    func compareSets(_ op: CompareOp, _ x: PySet, _ y: PySet) throws -> Bool {
        func subset(_ a: PySet, _ b: PySet) throws -> Bool {
            for i in a.table.liveIndices where !(try setContains(b, a.table.keys[i]!)) { return false }
            return true
        }
        switch op {
        case .eq: return try x.table.count == y.table.count && subset(x, y)
        case .ne: return try !(x.table.count == y.table.count && subset(x, y))
        case .le: return try subset(x, y)
        case .lt: return try x.table.count < y.table.count && subset(x, y)
        case .ge: return try subset(y, x)
        case .gt: return try x.table.count > y.table.count && subset(y, x)
        default: return false
        }
    }
}

/// Orders strings by Unicode code point, as Python does.
struct ScalarOrder: Comparable {
    let s: String
    init(_ s: String) { self.s = s }
    static func < (a: ScalarOrder, b: ScalarOrder) -> Bool {
        a.s.unicodeScalars.lexicographicallyPrecedes(b.s.unicodeScalars) { $0.value < $1.value }
    }
    static func == (a: ScalarOrder, b: ScalarOrder) -> Bool { a.s == b.s }
}
