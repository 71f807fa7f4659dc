/// Insertion-ordered hash table keyed by Python objects, the storage of `dict` and `set`.
/// Like CPython's compact dict: an entries array in insertion order plus an open-addressing index.
/// Hashing and equality are supplied by the caller because they may run Python code
/// (`__hash__`/`__eq__`) and raise.
struct HashTable {
    private(set) var keys: [PyObject?] = []
    var values: [PyObject?] = []
    private(set) var hashes: [Int] = []
    /// Open-addressing slots: -1 empty, -2 deleted, otherwise an index into the entries.
    private var slots: [Int] = []
    private(set) var count = 0
    /// Bumped by every change of which keys are where (insertion, removal, clearing): a caller
    /// that compared keys with Python code (`__eq__` may change the dict) checks it before using
    /// what it found (see `Interpreter.storeEntry`).
    private(set) var mutations = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    /// Live entry indices in insertion order.
    var liveIndices: [Int] {
        var out: [Int] = []
        out.reserveCapacity(count)
        for i in 0..<keys.count where keys[i] != nil { out.append(i) }
        return out
    }

    func find(_ key: PyObject, hash: Int, eq: (PyObject, PyObject) throws -> Bool) rethrows -> Int? {
        if slots.isEmpty { return nil }
        let mask = slots.count - 1
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let s = slots[i]
            if s == -1 { return nil }
            if s >= 0, hashes[s] == hash, let k = keys[s] {
                if k === key { return s }
                if try eq(k, key) { return s }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    /// `find` for a probe that is not (yet) an object, e.g. an attribute name looked up without
    /// allocating a `str` for it.
    func find(hash: Int, matching matches: (PyObject) -> Bool) -> Int? {
        if slots.isEmpty { return nil }
        let mask = slots.count - 1
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let s = slots[i]
            if s == -1 { return nil }
            if s >= 0, hashes[s] == hash, let k = keys[s], matches(k) { return s }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    private mutating func insertSlot(hash: Int, entry: Int) {
        let mask = slots.count - 1
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while slots[i] >= 0 {
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
        slots[i] = entry
    }

    private mutating func growIfNeeded() {
        if (keys.count + 1) * 3 < slots.count * 2 { return }
        // Compact entries, then rebuild the index at twice the live size.
        var newKeys: [PyObject?] = []
        var newValues: [PyObject?] = []
        var newHashes: [Int] = []
        newKeys.reserveCapacity(count + 1)
        for i in 0..<keys.count where keys[i] != nil {
            newKeys.append(keys[i])
            newValues.append(values[i])
            newHashes.append(hashes[i])
        }
        keys = newKeys
        values = newValues
        hashes = newHashes
        var size = 8
        while size * 2 <= (count + 1) * 3 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        for (idx, h) in hashes.enumerated() { insertSlot(hash: h, entry: idx) }
    }

    /// Inserts or replaces; returns true when the key was new.
    @discardableResult
    mutating func set(_ key: PyObject, hash: Int, value: PyObject?, eq: (PyObject, PyObject) throws -> Bool) rethrows -> Bool {
        if let idx = try find(key, hash: hash, eq: eq) {
            values[idx] = value
            return false
        }
        insertNew(key, hash: hash, value: value)
        return true
    }

    /// Adds a key the caller has just found absent.
    mutating func insertNew(_ key: PyObject, hash: Int, value: PyObject?) {
        growIfNeeded()
        keys.append(key)
        values.append(value)
        hashes.append(hash)
        insertSlot(hash: hash, entry: keys.count - 1)
        count += 1
        mutations &+= 1
    }

    @discardableResult
    mutating func remove(_ key: PyObject, hash: Int, eq: (PyObject, PyObject) throws -> Bool) rethrows -> PyObject?? {
        guard let idx = try find(key, hash: hash, eq: eq) else { return nil }
        let old = values[idx]
        removeEntry(idx)
        return .some(old)
    }

    mutating func removeEntry(_ idx: Int) {
        let mask = slots.count - 1
        var i = hashes[idx] & mask
        var perturb = UInt(bitPattern: hashes[idx])
        while slots[i] != idx {
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
        slots[i] = -2
        keys[idx] = nil
        values[idx] = nil
        count -= 1
        mutations &+= 1
    }

    mutating func removeAll() {
        let seen = mutations
        self = HashTable()
        mutations = seen &+ 1
    }
}

class PyDict: PyObject, @unchecked Sendable {
    /// Unchecked by the runtime's exclusivity enforcement, as `PyList.items`: the table is only
    /// mutated with key comparisons that run no Python code (see `Interpreter.storeEntry`).
    @exclusivity(unchecked) var table = HashTable()
    deinit { if table.count > 0 { Trashcan.dispose(&table, replacingWith: HashTable()) } }
    override var pyClass: PyClass { BuiltinTypes.dict }
}

final class PySet: PyObject, @unchecked Sendable {
    /// Unchecked, as `PyDict.table`.
    @exclusivity(unchecked) var table = HashTable()
    let frozen: Bool
    init(frozen: Bool = false) { self.frozen = frozen }
    deinit { if table.count > 0 { Trashcan.dispose(&table, replacingWith: HashTable()) } }
    override var pyClass: PyClass { frozen ? BuiltinTypes.frozenset : BuiltinTypes.set }
}
