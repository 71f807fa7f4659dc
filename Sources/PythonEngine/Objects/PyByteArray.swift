/// `bytearray`: mutable bytes. It shares `bytes`' storage class so every read-only path
/// (len, indexing, `in`, comparison, iteration, decode, the bytes methods) works unchanged, and
/// results built from a bytearray stay bytearrays (`sameKind`), as in CPython.
final class PyByteArray: PyBytes, @unchecked Sendable {
    override var pyClass: PyClass { BuiltinTypes.bytearray }
}

extension PyBytes {
    /// A new value of this object's kind: `bytes` from bytes, `bytearray` from a bytearray.
    func sameKind(_ v: [UInt8]) -> PyBytes { self is PyByteArray ? PyByteArray(v) : PyBytes(v) }
}

extension Interpreter {
    /// One byte from an int, with CPython's range check.
    func byteValue(_ o: PyObject) throws -> UInt8 {
        guard o is PyInt else { throw typeError("'\(typeName(o))' object cannot be interpreted as an integer") }
        let n = try intArg(o)
        guard n >= 0 && n < 256 else { throw valueError("byte must be in range(0, 256)") }
        return UInt8(n)
    }

    /// The bytes of a bytes-like object (bytes or bytearray), or CPython's TypeError.
    func bytesLike(_ o: PyObject) throws -> [UInt8] {
        guard let b = o as? PyBytes else { throw typeError("can't concat \(typeName(o)) to bytearray") }
        return b.value
    }

    /// `ba[i] = n` and `ba[a:b] = iterable_of_ints_or_bytes`.
    func byteArraySetItem(_ b: PyByteArray, _ index: PyObject, _ value: PyObject) throws {
        if let sl = index as? PySlice {
            let replacement: [UInt8]
            if let other = value as? PyBytes { replacement = other.value }
            else if value is PyInt { throw typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)") }
            else { replacement = try iterateToArray(value).map { try byteValue($0) } }
            let positions = try sliceRange(sl, count: b.value.count)
            let step = (sl.step as? PyInt)?.small ?? 1
            if step == 1 {
                let start = try sliceStart(sl, count: b.value.count)
                let lo = positions.first ?? min(max(0, start), b.value.count)
                b.value.replaceSubrange(lo..<(lo + positions.count), with: replacement)
                return
            }
            guard positions.count == replacement.count else {
                throw valueError("attempt to assign bytes of size \(replacement.count) to extended slice of size \(positions.count)")
            }
            for (k, p) in positions.enumerated() { b.value[p] = replacement[k] }
            return
        }
        let k = try sequenceIndex(index, count: b.value.count, what: "bytearray index")
        b.value[k] = try byteValue(value)
    }

    /// Where an empty step-1 slice inserts (`ba[2:2] = b'xy'`).
    private func sliceStart(_ sl: PySlice, count: Int) throws -> Int {
        guard let s = sl.start as? PyInt else { return 0 }
        let v = try intArg(s)
        return v < 0 ? max(0, v + count) : v
    }
}

extension BuiltinMethodTables {
    static func installByteArrayMethods() {
        let t = BuiltinTypes.bytearray
        // Every bytes method, with bytes results turned into bytearrays.
        func convert(_ o: PyObject) -> PyObject {
            if o is PyByteArray { return o }
            if let b = o as? PyBytes { return PyByteArray(b.value) }
            if let l = o as? PyList { return PyList(l.items.map(convert)) }
            if let tup = o as? PyTuple { return PyTuple(tup.items.map(convert)) }
            return o
        }
        for (name, m) in BuiltinTypes.bytes.dict {
            if let f = m as? PyNativeFunction, f.isMethod {
                method(t, name) { i, a in convert(try f.body(i, a)) }
            } else if let cm = m as? PyClassMethod, let f = cm.function as? PyNativeFunction {
                t.dict[name] = PyClassMethod(PyNativeFunction(name) { i, a in convert(try f.body(i, a)) })
            }
        }
        t.constructor = { i, a in
            if a.positional.isEmpty { return PyByteArray([]) }
            guard let b = try BuiltinTypes.bytes.constructor?(i, a) as? PyBytes else { return PyByteArray([]) }
            return PyByteArray(b.value)
        }
        func ba(_ i: Interpreter, _ a: CallArgs, _ n: String) throws -> PyByteArray { try receiver(i, a, PyByteArray.self, n) }
        method(t, "append") { i, a in
            try ba(i, a, "append").value.append(try i.byteValue(try i.arg(a, 1, "append", "item")))
            return PyNone.shared
        }
        method(t, "extend") { i, a in
            let b = try ba(i, a, "extend")
            let src = try i.arg(a, 1, "extend", "iterable_of_ints")
            if let other = src as? PyBytes { b.value += other.value } else {
                b.value += try i.iterateToArray(src).map { try i.byteValue($0) }
            }
            return PyNone.shared
        }
        method(t, "insert") { i, a in
            let b = try ba(i, a, "insert")
            var k = try i.intArg(try i.arg(a, 1, "insert", "index"))
            let v = try i.byteValue(try i.arg(a, 2, "insert", "item"))
            if k < 0 { k = max(0, k + b.value.count) }
            b.value.insert(v, at: min(k, b.value.count))
            return PyNone.shared
        }
        method(t, "pop") { i, a in
            let b = try ba(i, a, "pop")
            if b.value.isEmpty { throw i.indexError("pop from empty bytearray") }
            let k = try a.positional.count > 1 ? i.sequenceIndex(a.positional[1], count: b.value.count, what: "pop") : b.value.count - 1
            return PyInt.make(Int(b.value.remove(at: k)))
        }
        method(t, "remove") { i, a in
            let b = try ba(i, a, "remove")
            let v = try i.byteValue(try i.arg(a, 1, "remove", "value"))
            guard let k = b.value.firstIndex(of: v) else { throw i.valueError("value not found in bytearray") }
            b.value.remove(at: k)
            return PyNone.shared
        }
        method(t, "clear") { i, a in try ba(i, a, "clear").value.removeAll(); return PyNone.shared }
        method(t, "reverse") { i, a in try ba(i, a, "reverse").value.reverse(); return PyNone.shared }
        method(t, "copy") { i, a in PyByteArray(try ba(i, a, "copy").value) }
    }
}
