import BigInt

/// Base of every Python value. A class hierarchy (rather than a protocol existential) so the
/// evaluator can test `as? PyInt` cheaply and every value is one pointer wide.
/// `@unchecked Sendable`: the interpreter runs on one thread; values never cross threads.
class PyObject: @unchecked Sendable {
    /// The Python type of this value (`type(x)`).
    var pyClass: PyClass { BuiltinTypes.object }
}

final class PyNone: PyObject, @unchecked Sendable {
    static let shared = PyNone()
    override var pyClass: PyClass { BuiltinTypes.noneType }
}

final class PyNotImplemented: PyObject, @unchecked Sendable {
    static let shared = PyNotImplemented()
    override var pyClass: PyClass { BuiltinTypes.notImplementedType }
}

final class PyEllipsis: PyObject, @unchecked Sendable {
    static let shared = PyEllipsis()
    override var pyClass: PyClass { BuiltinTypes.ellipsisType }
}

/// `int`: a machine word when it fits (the fast path), a BigInt otherwise.
class PyInt: PyObject, @unchecked Sendable {
    let small: Int
    let big: BigInt?

    init(_ v: Int) { small = v; big = nil }

    init(big v: BigInt) {
        if let s = Int(exactly: v) { small = s; big = nil } else { small = 0; big = v }
    }

    var bigValue: BigInt { big ?? BigInt(small) }

    override var pyClass: PyClass { BuiltinTypes.int }

    static let smallCache: [PyInt] = (-5...256).map { PyInt($0) }

    static func make(_ v: Int) -> PyInt {
        if v >= -5 && v <= 256 { return smallCache[v + 5] }
        return PyInt(v)
    }

    static func make(_ v: BigInt) -> PyInt {
        if let s = Int(exactly: v) { return make(s) }
        return PyInt(big: v)
    }
}

final class PyBool: PyInt, @unchecked Sendable {
    static let trueValue = PyBool(1)
    static let falseValue = PyBool(0)
    static func of(_ b: Bool) -> PyBool { b ? trueValue : falseValue }
    var boolValue: Bool { small != 0 }
    override var pyClass: PyClass { BuiltinTypes.bool }
}

final class PyFloat: PyObject, @unchecked Sendable {
    let value: Double
    init(_ v: Double) { value = v }
    override var pyClass: PyClass { BuiltinTypes.float }
}

final class PyComplex: PyObject, @unchecked Sendable {
    let real: Double
    let imag: Double
    init(_ r: Double, _ i: Double) { real = r; imag = i }
    override var pyClass: PyClass { BuiltinTypes.complex }
}

/// `str`. Python indexes strings by code point, so the scalars are materialised lazily the first
/// time a string is indexed or sliced.
final class PyString: PyObject, @unchecked Sendable {
    let value: String
    private var scalarCache: [Unicode.Scalar]?

    init(_ v: String) { value = v }

    var scalars: [Unicode.Scalar] {
        if let s = scalarCache { return s }
        let s = Array(value.unicodeScalars)
        scalarCache = s
        return s
    }

    var count: Int { scalarCache?.count ?? PyStr.length(value) }

    /// `hash(s)` (Swift's `String.hashValue`, which `InstanceAttributes` also probes with),
    /// computed once: a dict or set probes with the same key object again and again, and
    /// hashing is a pass over the whole string. One word with `Int.min` meaning "not yet", so a
    /// string shared between threads can at worst be hashed twice (a real hash equal to
    /// `Int.min` is simply never cached).
    private var hashCache = Int.min

    var hash: Int {
        if hashCache != Int.min { return hashCache }
        let h = value.hashValue
        hashCache = h
        return h
    }

    /// True when both hashes are already known and differ: then the strings differ.
    @inline(__always)
    func hasDifferentCachedHash(than other: PyString) -> Bool {
        hashCache != Int.min && other.hashCache != Int.min && hashCache != other.hashCache
    }

    override var pyClass: PyClass { BuiltinTypes.str }

    static let empty = PyString("")
}

/// `bytes`; also the storage of `bytearray` (PyByteArray.swift), which is the only kind whose
/// `value` changes after creation.
class PyBytes: PyObject, @unchecked Sendable {
    var value: [UInt8]
    init(_ v: [UInt8]) { value = v }
    override var pyClass: PyClass { BuiltinTypes.bytes }
}

class PyList: PyObject, @unchecked Sendable {
    /// Unchecked by the runtime's exclusivity enforcement (a check on every append and index):
    /// nothing mutates `items` through a closure that could run Python code, so no mutation of
    /// a list can overlap another access to it. Keep it that way (compute Python results first,
    /// then mutate).
    @exclusivity(unchecked) var items: [PyObject]
    init(_ items: [PyObject] = []) { self.items = items }
    deinit { if !items.isEmpty && Trashcan.mayNest(items) { Trashcan.dispose(&items, replacingWith: []) } }
    override var pyClass: PyClass { BuiltinTypes.list }
}

class PyTuple: PyObject, @unchecked Sendable {
    /// Set once at creation; `var` only so `deinit` can hand it to the `Trashcan`. Never written
    /// while anything reads it, so reads skip the runtime's exclusivity checks.
    @exclusivity(unchecked) private(set) var items: [PyObject]
    init(_ items: [PyObject]) { self.items = items }
    deinit { if !items.isEmpty && Trashcan.mayNest(items) { Trashcan.dispose(&items, replacingWith: []) } }
    override var pyClass: PyClass { BuiltinTypes.tuple }
    static let empty = PyTuple([])
}

final class PyRange: PyObject, @unchecked Sendable {
    let start: BigInt
    let stop: BigInt
    let step: BigInt
    init(start: BigInt, stop: BigInt, step: BigInt) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    var length: BigInt {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }

    override var pyClass: PyClass { BuiltinTypes.range }
}

final class PySlice: PyObject, @unchecked Sendable {
    let start: PyObject
    let stop: PyObject
    let step: PyObject
    init(_ start: PyObject, _ stop: PyObject, _ step: PyObject) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    override var pyClass: PyClass { BuiltinTypes.slice }
}

/// A module object: a named namespace.
final class PyModule: PyObject, @unchecked Sendable {
    let name: String
    var dict: [String: PyObject]
    init(name: String, dict: [String: PyObject] = [:]) {
        self.name = name
        self.dict = dict
    }
    override var pyClass: PyClass { BuiltinTypes.module }
}
