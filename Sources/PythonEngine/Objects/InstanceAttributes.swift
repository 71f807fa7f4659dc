/// A dictionary-like, string-keyed view of an instance's `__dict__`. Swift code reads and writes
/// attributes through it as through a `[String: PyObject]`, while Python code sees one ordered
/// `dict` object (`obj.__dict__ is vars(obj)`), as in CPython.
///
/// String keys hash as the interpreter hashes `str` (`String.hashValue`), so entries written here
/// and entries written by Python code (`vars(obj)["x"] = 1`) find each other. Keys Python code
/// stored that are not strings are invisible to this view, as they are to attribute lookup.
struct InstanceAttributes: Sequence {
    let dict: PyDict

    private static func sameString(_ a: PyObject, _ b: PyObject) -> Bool {
        guard let x = a as? PyString, let y = b as? PyString else { return false }
        return x.value == y.value
    }

    subscript(name: String) -> PyObject? {
        get {
            let hash = name.hashValue
            guard let idx = dict.table.find(hash: hash, matching: { ($0 as? PyString)?.value == name }) else { return nil }
            return dict.table.values[idx]
        }
        nonmutating set {
            if let value = newValue {
                let hash = name.hashValue
                if let idx = dict.table.find(hash: hash, matching: { ($0 as? PyString)?.value == name }) {
                    dict.table.values[idx] = value
                    return
                }
                dict.table.set(PyString(name), hash: name.hashValue, value: value, eq: Self.sameString)
            } else {
                dict.table.remove(PyString(name), hash: name.hashValue, eq: Self.sameString)
            }
        }
    }

    /// Removes the attribute; returns its value, or nil when it was not set.
    @discardableResult
    func removeValue(forKey name: String) -> PyObject? {
        guard let old = dict.table.remove(PyString(name), hash: name.hashValue, eq: Self.sameString) else { return nil }
        return old
    }

    var isEmpty: Bool { dict.table.isEmpty }
    var count: Int { keys.count }

    /// Attribute names in assignment order.
    var keys: [String] { map(\.key) }

    func makeIterator() -> IndexingIterator<[(key: String, value: PyObject)]> {
        var out: [(key: String, value: PyObject)] = []
        for i in dict.table.liveIndices {
            if let k = dict.table.keys[i] as? PyString, let v = dict.table.values[i] { out.append((k.value, v)) }
        }
        return out.makeIterator()
    }
}
