/// The variables of a dictionary-backed scope (module globals, a class body, a comprehension)
/// and the builtins: name → value.
///
/// Why not `[String: PyObject]`: Swift hashes a `String` key (SipHash over its bytes) on every
/// access, and global and builtin reads were 15–21% of the loops in BENCHMARKS.md. Here each
/// name in the program carries a hash computed once, at parse time (`NameSlot.hash`), so a read
/// is a masked probe and a comparison of two (usually inline, ≤ 15-byte) strings.
///
/// Entries are never removed: `del` clears an entry's value and a later store fills it again, so
/// insertion order is kept for live names and an entry's position never changes.
struct NameTable {
    private var names: ContiguousArray<String> = []
    private var hashes: ContiguousArray<Int> = []
    private var values: ContiguousArray<PyObject?> = []
    /// Open addressing, linear probing; -1 marks an empty bucket, otherwise an entry index.
    /// Empty until the first store, so an unused scope allocates nothing.
    private var buckets: ContiguousArray<Int32> = []
    /// Number of names with a value.
    private(set) var count = 0

    init() {}

    /// A table of a dictionary's pairs (the builtins at start-up). Their order is the
    /// dictionary's: every reader of a whole table either sorts its names or builds a dict.
    init(_ dictionary: [String: PyObject]) {
        for (k, v) in dictionary { self[k] = v }
    }

    /// The hash every lookup of `name` uses, computed once per name node at parse time: FNV-1a
    /// over the UTF-8 bytes of an ASCII name. A non-ASCII name takes Swift's own string hash,
    /// which (like the `==` the probe uses) treats canonically equivalent spellings alike, so
    /// `café` written precomposed and decomposed stays one variable, as with a Swift dictionary.
    /// Both are stable within a process, which is all the AST needs.
    static func hash(_ name: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 {
            if b >= 0x80 { return name.hashValue }
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        h ^= h >> 29
        return Int(bitPattern: UInt(h))
    }

    var isEmpty: Bool { count == 0 }

    /// The live names, in first-insertion order.
    var keys: [String] {
        var out: [String] = []
        out.reserveCapacity(count)
        for i in 0..<names.count where values[i] != nil { out.append(names[i]) }
        return out
    }

    /// A copy as a Swift dictionary (class bodies become the class's `dict`).
    var dictionary: [String: PyObject] {
        var out: [String: PyObject] = [:]
        out.reserveCapacity(count)
        for i in 0..<names.count { if let v = values[i] { out[names[i]] = v } }
        return out
    }

    @inline(__always)
    private func entry(_ name: String, hash: Int) -> Int? {
        let mask = buckets.count &- 1
        if mask < 0 { return nil }
        var b = hash & mask
        while true {
            let e = Int(buckets[b])
            if e < 0 { return nil }
            if hashes[e] == hash && names[e] == name { return e }
            b = (b &+ 1) & mask
        }
    }

    /// The value of `name`, whose `NameTable.hash` is `hash`.
    @inline(__always)
    func value(_ name: String, hash: Int) -> PyObject? {
        guard let e = entry(name, hash: hash) else { return nil }
        return values[e]
    }

    /// Binds (or, with nil, unbinds) `name`.
    mutating func set(_ name: String, hash: Int, _ value: PyObject?) {
        if let e = entry(name, hash: hash) {
            let was = values[e] != nil
            values[e] = value
            count += (value != nil ? 1 : 0) - (was ? 1 : 0)
            return
        }
        guard let value else { return }
        // Keep the load factor at or below 1/2.
        if (names.count + 1) * 2 > buckets.count { grow() }
        let e = names.count
        names.append(name)
        hashes.append(hash)
        values.append(value)
        count += 1
        insertBucket(e, hash: hash)
    }

    /// Unbinds `name`, returning its old value (nil when it was not bound).
    @discardableResult
    mutating func removeValue(forKey name: String) -> PyObject? {
        let h = NameTable.hash(name)
        let old = value(name, hash: h)
        if old != nil { set(name, hash: h, nil) }
        return old
    }

    subscript(name: String) -> PyObject? {
        get { value(name, hash: NameTable.hash(name)) }
        set { set(name, hash: NameTable.hash(name), newValue) }
    }

    private mutating func grow() {
        let size = max(8, buckets.count * 2)
        buckets = ContiguousArray(repeating: -1, count: size)
        for e in 0..<names.count { insertBucket(e, hash: hashes[e]) }
    }

    private mutating func insertBucket(_ e: Int, hash: Int) {
        let mask = buckets.count - 1
        var b = hash & mask
        while buckets[b] >= 0 { b = (b + 1) & mask }
        buckets[b] = Int32(e)
    }
}
