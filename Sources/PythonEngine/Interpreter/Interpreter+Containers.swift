import BigInt

extension Interpreter {
    // MARK: dict and set storage

    func dictGet(_ d: PyDict, _ key: PyObject) throws -> PyObject? {
        let h = try hash(key)
        guard let idx = try d.table.find(key, hash: h, eq: equals) else { return nil }
        return d.table.values[idx]
    }

    func dictSet(_ d: PyDict, _ key: PyObject, _ value: PyObject) throws {
        try storeEntry(d, key, hash: try hash(key), value: value)
    }

    func dictRemove(_ d: PyDict, _ key: PyObject) throws -> PyObject? {
        if let old = try removeEntry(d, key, hash: try hash(key)) { return old }
        return nil
    }

    func setContains(_ s: PySet, _ key: PyObject) throws -> Bool {
        try s.table.find(key, hash: try hash(key), eq: equals) != nil
    }

    func setAdd(_ s: PySet, _ key: PyObject) throws {
        try storeEntry(s, key, hash: try hash(key), value: nil)
    }

    /// Removes `key` from a set; false when it was not there.
    @discardableResult
    func setRemove(_ s: PySet, _ key: PyObject) throws -> Bool {
        try removeEntry(s, key, hash: try hash(key)) != nil
    }

    // MARK: changing a hash table whose key comparisons may run Python code

    /// Inserts or replaces the entry for `key`. Comparing keys can run a user `__eq__`, which
    /// may itself change the same dict or set; doing that comparison inside the mutation of the
    /// table is an overlapping access, which the Swift runtime stops with a crash. So keys are
    /// compared in place only when no Python code can run (str and int keys, the common case),
    /// and otherwise on a copy of the table, changing it only if the comparisons left it as it
    /// was (or looking again, as CPython restarts a lookup when the dict changed under it).
    func storeEntry<Owner: HashTableOwner>(_ owner: Owner, _ key: PyObject, hash h: Int, value: PyObject?) throws {
        do {
            try owner.table.set(key, hash: h, value: value, eq: Interpreter.builtinKeysEqual)
            return
        } catch is NeedsPythonEquality {}
        while true {
            let seen = owner.table.mutations
            let found = try owner.table.find(key, hash: h, eq: equals)
            guard owner.table.mutations == seen else { continue }
            if let idx = found { owner.table.values[idx] = value } else { owner.table.insertNew(key, hash: h, value: value) }
            return
        }
    }

    /// Removes the entry for `key`, returning its value (`.some(nil)` for a set member); nil when
    /// absent. Same care as `storeEntry`.
    func removeEntry<Owner: HashTableOwner>(_ owner: Owner, _ key: PyObject, hash h: Int) throws -> PyObject?? {
        do {
            return try owner.table.remove(key, hash: h, eq: Interpreter.builtinKeysEqual)
        } catch is NeedsPythonEquality {}
        while true {
            let seen = owner.table.mutations
            let found = try owner.table.find(key, hash: h, eq: equals)
            guard owner.table.mutations == seen else { continue }
            guard let idx = found else { return nil }
            let old = owner.table.values[idx]
            owner.table.removeEntry(idx)
            return .some(old)
        }
    }

    /// Key equality that never runs Python code: exact strs and exact machine-word ints compare
    /// here (identity was already checked by the table); anything else throws
    /// `NeedsPythonEquality` so the caller compares outside the table's mutation.
    static func builtinKeysEqual(_ a: PyObject, _ b: PyObject) throws -> Bool {
        if let equal = exactScalarEquality(a, b) { return equal }
        throw NeedsPythonEquality()
    }

    /// Set members in insertion order: copying a set this way keeps CPython's table layout.
    func setInsertionItems(_ s: PySet) -> [PyObject] { s.table.liveIndices.map { s.table.keys[$0]! } }

    func makeSet(from source: PyObject, frozen: Bool = false) throws -> PySet {
        if let src = source as? PySet {
            let out = PySet(frozen: frozen)
            out.table = src.table
            return out
        }
        return try makeSet(try iterateToArray(source), frozen: frozen)
    }

    func makeSet(_ items: [PyObject], frozen: Bool = false) throws -> PySet {
        let s = PySet(frozen: frozen)
        for i in items { try setAdd(s, i) }
        return s
    }

    func dictKeys(_ d: PyDict) -> [PyObject] { d.table.liveIndices.map { d.table.keys[$0]! } }
    /// Set members in CPython's iteration order (see `cpythonSetOrder`).
    func setItems(_ s: PySet) -> [PyObject] { s.table.cpythonSetOrder().map { s.table.keys[$0]! } }

    // MARK: len / in / indexing

    func length(_ o: PyObject) throws -> Int {
        let c = o.exactClass
        if c == ObjectIdentifier(PyList.self) { return unsafeDowncast(o, to: PyList.self).items.count }
        if c == ObjectIdentifier(PyString.self) { return unsafeDowncast(o, to: PyString.self).count }
        if c == ObjectIdentifier(PyDict.self) { return unsafeDowncast(o, to: PyDict.self).table.count }
        if c == ObjectIdentifier(PyTuple.self) { return unsafeDowncast(o, to: PyTuple.self).items.count }
        switch o {
        case let s as PyString: return s.count
        case let l as PyList: return l.items.count
        case let t as PyTuple: return t.items.count
        case let d as PyDict: return d.table.count
        case let s as PySet: return s.table.count
        case let b as PyBytes: return b.value.count
        case let r as PyRange:
            guard let n = Int(exactly: r.length) else {
                throw error(ExceptionTypes.overflowError, "Python int too large to convert to C ssize_t")
            }
            return n
        default: break
        }
        if let m = specialMethod(o, "__len__"), m is PyFunction {
            let v = try call(m, CallArgs([o]))
            guard let i = v as? PyInt else { throw typeError("'\(typeName(v))' object cannot be interpreted as an integer") }
            if i.small < 0 { throw valueError("__len__() should return >= 0") }
            return i.small
        }
        if let view = o as? PyDictView { return view.dict.table.count }
        if let inst = o as? PyInstance, let base = inst.builtinValue { return try length(base) }
        throw typeError(Messages.noLen(typeName(o)))
    }

    func contains(_ container: PyObject, _ item: PyObject) throws -> Bool {
        let c = container.exactClass
        if c == ObjectIdentifier(PyDict.self) { return try dictGet(unsafeDowncast(container, to: PyDict.self), item) != nil }
        if c == ObjectIdentifier(PySet.self) { return try setContains(unsafeDowncast(container, to: PySet.self), item) }
        switch container {
        case let s as PyString:
            guard let sub = item as? PyString else {
                throw typeError("'in <string>' requires string as left operand, not \(typeName(item))")
            }
            return sub.value.isEmpty || s.value.contains(sub.value)
        case let l as PyList:
            for x in l.items where try equals(x, item) { return true }
            return false
        case let t as PyTuple:
            for x in t.items where try equals(x, item) { return true }
            return false
        case let d as PyDict: return try dictGet(d, item) != nil
        case let s as PySet: return try setContains(s, item)
        case let r as PyRange:
            guard let i = item as? PyInt else { break }
            let v = i.bigValue
            if r.step > 0 { return v >= r.start && v < r.stop && (v - r.start) % r.step == 0 }
            return v <= r.start && v > r.stop && (r.start - v) % (-r.step) == 0
        case let b as PyBytes:
            if let i = item as? PyInt { return b.value.contains(UInt8(truncatingIfNeeded: i.small)) }
            if let sub = item as? PyBytes {
                if sub.value.isEmpty { return true }
                if sub.value.count > b.value.count { return false }
                for start in 0...(b.value.count - sub.value.count) where Array(b.value[start..<start + sub.value.count]) == sub.value { return true }
                return false
            }
        case let v as PyDictView:
            if v.kind == .keys { return try dictGet(v.dict, item) != nil }
        default: break
        }
        if let m = specialMethod(container, "__contains__"), m is PyFunction {
            return try truthy(try call(m, CallArgs([container, item])))
        }
        if let inst = container as? PyInstance, let base = inst.builtinValue, specialMethod(container, "__iter__") == nil {
            return try contains(base, item)
        }
        guard isIterable(container) else {
            throw typeError("argument of type '\(typeName(container))' is not iterable")
        }
        let it = try getIterator(container)
        while let x = try nextItem(it) {
            if try equals(x, item) { return true }
        }
        return false
    }

    /// Normalises an index for a sequence of `count` items, raising IndexError with `what`.
    func sequenceIndex(_ index: PyObject, count: Int, what: String) throws -> Int {
        guard let i = index as? PyInt else {
            if let m = specialMethod(index, "__index__"), m is PyFunction, let v = try call(m, CallArgs([index])) as? PyInt {
                return try sequenceIndex(v, count: count, what: what)
            }
            throw typeError("\(what) indices must be integers or slices, not \(typeName(index))")
        }
        guard i.big == nil else { throw indexError("cannot fit 'int' into an index-sized integer") }
        let v = i.small < 0 ? i.small + count : i.small
        if v < 0 || v >= count { throw indexError("\(what) index out of range") }
        return v
    }

    /// Resolves a slice against a length, as `slice.indices` does.
    func sliceIndices(_ s: PySlice, count: Int) throws -> (start: Int, stop: Int, step: Int) {
        func intOrNil(_ o: PyObject) throws -> Int? {
            if o is PyNone { return nil }
            guard let i = o as? PyInt else {
                throw typeError("slice indices must be integers or None or have an __index__ method")
            }
            if let b = i.big { return b.sign == .minus ? Int.min / 2 : Int.max / 2 }
            return i.small
        }
        let step = try intOrNil(s.step) ?? 1
        if step == 0 { throw valueError("slice step cannot be zero") }
        var start: Int
        var stop: Int
        if step > 0 {
            start = try intOrNil(s.start) ?? 0
            stop = try intOrNil(s.stop) ?? count
            if start < 0 { start = max(0, start + count) } else { start = min(start, count) }
            if stop < 0 { stop = max(0, stop + count) } else { stop = min(stop, count) }
        } else {
            start = try intOrNil(s.start) ?? count - 1
            stop = try intOrNil(s.stop) ?? -count - 1
            if start < 0 { start = max(-1, start + count) } else { start = min(start, count - 1) }
            if stop < 0 { stop = max(-1, stop + count) } else { stop = min(stop, count - 1) }
        }
        return (start, stop, step)
    }

    func sliceRange(_ s: PySlice, count: Int) throws -> [Int] {
        let (start, stop, step) = try sliceIndices(s, count: count)
        var out: [Int] = []
        var i = start
        if step > 0 { while i < stop { out.append(i); i += step } } else { while i > stop { out.append(i); i += step } }
        return out
    }

    func getItem(_ o: PyObject, _ index: PyObject) throws -> PyObject {
        // Plain list/tuple with an int index and plain dict first, by class identity.
        let c = o.exactClass
        if c == ObjectIdentifier(PyList.self) || c == ObjectIdentifier(PyTuple.self), let i = index.intOrBool, i.big == nil {
            let items = c == ObjectIdentifier(PyList.self) ? unsafeDowncast(o, to: PyList.self).items : unsafeDowncast(o, to: PyTuple.self).items
            let v = i.small < 0 ? i.small + items.count : i.small
            if v >= 0 && v < items.count { return items[v] }
        } else if c == ObjectIdentifier(PyDict.self) {
            if let v = try dictGet(unsafeDowncast(o, to: PyDict.self), index) { return v }
            throw keyError(index)
        }
        switch o {
        case let l as PyList:
            if let i = index as? PyInt, i.big == nil {
                let v = i.small < 0 ? i.small + l.items.count : i.small
                if v >= 0 && v < l.items.count { return l.items[v] }
                throw indexError("list index out of range")
            }
            if let s = index as? PySlice { return PyList(try sliceRange(s, count: l.items.count).map { l.items[$0] }) }
            return l.items[try sequenceIndex(index, count: l.items.count, what: "list")]
        case let t as PyTuple:
            if let s = index as? PySlice { return PyTuple(try sliceRange(s, count: t.items.count).map { t.items[$0] }) }
            return t.items[try sequenceIndex(index, count: t.items.count, what: "tuple")]
        case let s as PyString:
            let sc = s.scalars
            if let sl = index as? PySlice {
                var v = String.UnicodeScalarView()
                for i in try sliceRange(sl, count: sc.count) { v.append(sc[i]) }
                return PyString(String(v))
            }
            return PyString(String(Character(sc[try sequenceIndex(index, count: sc.count, what: "string")])))
        case let d as PyDict:
            if let v = try dictGet(d, index) { return v }
            if let dd = d as? PyDefaultDict, let f = dd.factory {
                let v = try call(f, CallArgs())
                try dictSet(d, index, v)
                return v
            }
            if d is PyCounter { return PyInt.make(0) }
            if let inst = o as? PyInstance, let m = specialMethod(inst, "__missing__") {
                return try call(m, CallArgs([o, index]))
            }
            throw keyError(index)
        case let r as PyRange:
            if let i = index as? PyInt {
                var k = i.bigValue
                let n = r.length
                if k.sign == .minus { k += n }
                if k.sign == .minus || k >= n { throw indexError("range object index out of range") }
                return PyInt.make(r.start + k * r.step)
            }
            guard let n = Int(exactly: r.length) else {
                throw error(ExceptionTypes.overflowError, "Python int too large to convert to C ssize_t")
            }
            if let sl = index as? PySlice {
                let (start, stop, step) = try sliceIndices(sl, count: n)
                let newStart = r.start + BigInt(start) * r.step
                let newStop = r.start + BigInt(stop) * r.step
                return PyRange(start: newStart, stop: newStop, step: r.step * BigInt(step))
            }
            let i = try sequenceIndex(index, count: n, what: "range object")
            return PyInt.make(r.start + BigInt(i) * r.step)
        case let b as PyBytes:
            if let sl = index as? PySlice { return b.sameKind(try sliceRange(sl, count: b.value.count).map { b.value[$0] }) }
            return PyInt.make(Int(b.value[try sequenceIndex(index, count: b.value.count, what: "index")]))
        default: break
        }
        if let inst = o as? PyInstance {
            if let m = specialMethod(inst, "__getitem__"), m is PyFunction {
                return try call(m, CallArgs([o, index]))
            }
            if let base = inst.builtinValue {
                if let d = base as? PyDict, let missing = specialMethod(inst, "__missing__") {
                    if let v = try dictGet(d, index) { return v }
                    return try call(missing, CallArgs([o, index]))
                }
                return try getItem(base, index)
            }
        }
        if let c = o as? PyClass {
            if let m = c.lookup("__class_getitem__") { return try call(m, CallArgs([c, index])) }
            // `list[int]` style annotations evaluate to the class itself here.
            if c.isBuiltin { return c }
            throw typeError("type '\(c.name)' is not subscriptable")
        }
        throw typeError(Messages.notSubscriptable(typeName(o)))
    }

    func setItem(_ o: PyObject, _ index: PyObject, _ value: PyObject) throws {
        let c = o.exactClass
        if c == ObjectIdentifier(PyDict.self) {
            try dictSet(unsafeDowncast(o, to: PyDict.self), index, value)
            return
        }
        if c == ObjectIdentifier(PyList.self), let i = index.intOrBool, i.big == nil {
            let l = unsafeDowncast(o, to: PyList.self)
            let v = i.small < 0 ? i.small + l.items.count : i.small
            if v >= 0 && v < l.items.count {
                l.items[v] = value
                return
            }
        }
        switch o {
        case let b as PyByteArray:
            try byteArraySetItem(b, index, value)
            return
        case let l as PyList:
            if let s = index as? PySlice {
                let newItems = try iterateToArray(value)
                let (start, stop, step) = try sliceIndices(s, count: l.items.count)
                if step == 1 {
                    let hi = max(start, stop)
                    l.items.replaceSubrange(start..<hi, with: newItems)
                } else {
                    let idx = try sliceRange(s, count: l.items.count)
                    if idx.count != newItems.count {
                        throw valueError("attempt to assign sequence of size \(newItems.count) to extended slice of size \(idx.count)")
                    }
                    for (k, i) in idx.enumerated() { l.items[i] = newItems[k] }
                }
                return
            }
            l.items[try sequenceIndex(index, count: l.items.count, what: "list assignment")] = value
            return
        case let d as PyDict:
            try dictSet(d, index, value)
            return
        default: break
        }
        if let m = specialMethod(o, "__setitem__"), m is PyFunction {
            _ = try call(m, CallArgs([o, index, value]))
            return
        }
        if let inst = o as? PyInstance, let base = inst.builtinValue { return try setItem(base, index, value) }
        throw typeError(Messages.noItemAssignment(typeName(o)))
    }

    func deleteItem(_ o: PyObject, _ index: PyObject) throws {
        switch o {
        case let l as PyList:
            if let s = index as? PySlice {
                let idx = Set(try sliceRange(s, count: l.items.count))
                l.items = l.items.enumerated().filter { !idx.contains($0.offset) }.map(\.element)
                return
            }
            l.items.remove(at: try sequenceIndex(index, count: l.items.count, what: "list assignment"))
            return
        case let d as PyDict:
            if try dictRemove(d, index) == nil { throw keyError(index) }
            return
        default: break
        }
        if let m = specialMethod(o, "__delitem__"), m is PyFunction {
            _ = try call(m, CallArgs([o, index]))
            return
        }
        if let inst = o as? PyInstance, let base = inst.builtinValue { return try deleteItem(base, index) }
        throw typeError("'\(typeName(o))' object doesn't support item deletion")
    }

    // MARK: iteration

    func isIterable(_ o: PyObject) -> Bool {
        switch o {
        case is PyList, is PyTuple, is PyString, is PyDict, is PySet, is PyRange, is PyBytes, is PyNativeIterator, is PyGenerator, is PyDictView:
            return true
        default:
            if let inst = o as? PyInstance, inst.builtinValue != nil { return true }
            return specialMethod(o, "__iter__") != nil || specialMethod(o, "__getitem__") != nil
        }
    }

    /// `iter(o)`: native iterators for builtin containers, `__iter__` for user classes.
    func getIterator(_ o: PyObject) throws -> PyObject {
        switch o {
        case let l as PyList:
            let i = IterationCursor(0)
            return PyNativeIterator("list_iterator") { _ in
                let k = i.position
                guard k < l.items.count else { return nil }
                i.position = k + 1
                return l.items[k]
            }
        case let t as PyTuple:
            let i = IterationCursor(0)
            let items = t.items
            return PyNativeIterator("tuple_iterator") { _ in
                let k = i.position
                guard k < items.count else { return nil }
                i.position = k + 1
                return items[k]
            }
        case let r as PyRange:
            if let start = Int(exactly: r.start), let stop = Int(exactly: r.stop), let step = Int(exactly: r.step) {
                let cur = IterationCursor(start)
                return PyNativeIterator("range_iterator") { _ in
                    let v = cur.position
                    if step > 0 ? v >= stop : v <= stop { return nil }
                    // Past Int.max (or Int.min) the range is over: the next value is beyond `stop`.
                    let (next, overflow) = v.addingReportingOverflow(step)
                    cur.position = overflow ? stop : next
                    return PyInt.make(v)
                }
            }
            var cur = r.start
            return PyNativeIterator("range_iterator") { _ in
                if r.step > 0 ? cur >= r.stop : cur <= r.stop { return nil }
                let v = cur
                cur += r.step
                return PyInt.make(v)
            }
        case let s as PyString:
            var it = s.value.unicodeScalars.makeIterator()
            return PyNativeIterator("str_ascii_iterator") { _ in it.next().map { PyString(String(Character($0))) } }
        case let d as PyDict:
            return dictIterator(d, kind: .keys)
        case let v as PyDictView:
            return dictIterator(v.dict, kind: v.kind)
        case let s as PySet:
            let items = setItems(s)
            var i = 0
            let count = s.table.count
            return PyNativeIterator("set_iterator") { interp in
                if s.table.count != count { throw interp.error(ExceptionTypes.runtimeError, "Set changed size during iteration") }
                guard i < items.count else { return nil }
                i += 1
                return items[i - 1]
            }
        case let b as PyBytes:
            var i = 0
            return PyNativeIterator("bytes_iterator") { _ in
                guard i < b.value.count else { return nil }
                i += 1
                return PyInt.make(Int(b.value[i - 1]))
            }
        case is PyNativeIterator, is PyGenerator:
            return o
        default: break
        }
        if let m = specialMethod(o, "__iter__"), m is PyFunction {
            let it = try call(m, CallArgs([o]))
            if !(it is PyNativeIterator || it is PyGenerator) && specialMethod(it, "__next__") == nil {
                throw typeError("iter() returned non-iterator of type '\(typeName(it))'")
            }
            return it
        }
        if let inst = o as? PyInstance, let base = inst.builtinValue { return try getIterator(base) }
        if let m = specialMethod(o, "__getitem__"), m is PyFunction {
            var i = 0
            return PyNativeIterator("iterator") { interp in
                do {
                    let v = try interp.call(m, CallArgs([o, PyInt.make(i)]))
                    i += 1
                    return v
                } catch let e as PyError where e.exception.cls.isSubclass(of: ExceptionTypes.indexError) || e.exception.cls.isSubclass(of: ExceptionTypes.stopIteration) {
                    return nil
                }
            }
        }
        throw typeError(Messages.notIterable(typeName(o)))
    }

    func dictIterator(_ d: PyDict, kind: PyDictView.Kind) -> PyNativeIterator {
        var i = 0
        let startCount = d.table.count
        let name = kind == .keys ? "dict_keyiterator" : kind == .values ? "dict_valueiterator" : "dict_itemiterator"
        return PyNativeIterator(name) { interp in
            if d.table.count != startCount {
                throw interp.error(ExceptionTypes.runtimeError, "dictionary changed size during iteration")
            }
            while i < d.table.keys.count {
                let idx = i
                i += 1
                if let k = d.table.keys[idx] {
                    switch kind {
                    case .keys: return k
                    case .values: return d.table.values[idx]!
                    case .items: return PyTuple([k, d.table.values[idx]!])
                    }
                }
            }
            return nil
        }
    }

    /// Advances an iterator; nil at the end (StopIteration is absorbed here).
    func nextItem(_ it: PyObject) throws -> PyObject? {
        if it.exactClass == ObjectIdentifier(PyNativeIterator.self) {
            let n = unsafeDowncast(it, to: PyNativeIterator.self)
            if n.exhausted { return nil }
            let v = try n.nextValue(self)
            if v == nil { n.exhausted = true }
            return v
        }
        if let g = it as? PyGenerator { return try resumeGenerator(g, send: PyNone.shared) }
        if let m = specialMethod(it, "__next__") {
            do {
                return try call(m, CallArgs([it]))
            } catch let e as PyError where e.exception.cls.isSubclass(of: ExceptionTypes.stopIteration) {
                return nil
            }
        }
        throw typeError("'\(typeName(it))' object is not an iterator")
    }

    func iterateToArray(_ o: PyObject) throws -> [PyObject] {
        switch o {
        case let l as PyList: return l.items
        case let t as PyTuple: return t.items
        default: break
        }
        let it = try getIterator(o)
        var out: [PyObject] = []
        while let x = try nextItem(it) {
            out.append(x)
            if out.count & 0xFFFF == 0 { try tick() }
        }
        return out
    }
}

/// `dict.keys()`, `.values()`, `.items()`: live views over a dict.
final class PyDictView: PyObject, @unchecked Sendable {
    enum Kind { case keys, values, items }
    let dict: PyDict
    let kind: Kind
    init(_ dict: PyDict, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }
    override var pyClass: PyClass {
        BuiltinTypes.iteratorType(kind == .keys ? "dict_keys" : kind == .values ? "dict_values" : "dict_items")
    }
}

/// Where a native iterator over a builtin sequence stands. A class with an unchecked field rather
/// than a captured `var`: a captured `var` lives in a box whose every read and write goes through
/// the runtime's exclusivity checks, two per item of every `for` loop over a list or range. Only
/// the iterator's own closure touches it, one call at a time.
final class IterationCursor {
    @exclusivity(unchecked) var position: Int
    init(_ position: Int) { self.position = position }
}

/// `dict` and `set`: the objects whose storage is a `HashTable`.
protocol HashTableOwner: AnyObject {
    var table: HashTable { get set }
}

extension PyDict: HashTableOwner {}
extension PySet: HashTableOwner {}

/// Thrown by `Interpreter.builtinKeysEqual` when comparing two keys needs the full `==`.
struct NeedsPythonEquality: Error {}
