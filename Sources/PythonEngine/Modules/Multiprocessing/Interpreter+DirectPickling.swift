/// The fast lane of pickling: the objects that make up nearly every message (`None`, bools,
/// ints, floats, strs, bytes, and lists/tuples/dicts of them) go straight between interpreter
/// objects and wire bytes, with no `PickleValue` tree in between. Everything else takes the
/// general path (`pickle(_:depth:)` / `unpickle(_:)`), so the bytes, the errors and their order
/// are exactly those of the general path: the lane only skips the intermediate tree.
///
/// Two depth limits exist on the general path and are kept here: the object walk raises
/// `RecursionError` as soon as it is deeper than `PickleValue.maximumDepth`, and encoding the
/// finished tree fails (`PickleError.tooDeep`) only after the whole walk succeeded, because the
/// message's wrapping (a task tuple, say) adds levels. The writer notes the second kind and
/// reports it at the end, as the general path would.
extension Interpreter {
    /// Writes objects into a `PickleEncoder`, following `pickle(_:depth:)` rule for rule.
    struct DirectPickleWriter {
        var encoder: PickleEncoder
        /// The encoded tree would be deeper than `PickleValue.maximumDepth`: reported by
        /// `finish()` after the walk, as the general path's encoding step reports it.
        var tooDeep = false

        init(capacity: Int = 32) {
            encoder = PickleEncoder(capacity: capacity)
        }

        /// Continues a message whose first bytes (header included) are already encoded.
        init(startingWith encoded: [UInt8], capacity: Int) {
            encoder = PickleEncoder(startingWith: encoded, capacity: capacity)
        }

        /// The bytes, or the encoding failure the general path would raise.
        func finish(_ interp: Interpreter) throws -> [UInt8] {
            if tooDeep { throw interp.picklingEncodeError(.tooDeep) }
            return encoder.bytes
        }
    }

    /// Appends `object`, `depth` levels deep in the object walk (0 for a message's root) and
    /// `wireDepth` levels deep in the encoded message (1 for its root).
    func writePickled(_ object: PyObject, into w: inout DirectPickleWriter, depth: Int, wireDepth: Int) throws {
        if depth > PickleValue.maximumDepth {
            throw pythonError("RecursionError", "maximum recursion depth exceeded while pickling an object")
        }
        if wireDepth > PickleValue.maximumDepth { w.tooDeep = true }
        switch object {
        case is PyNone:
            w.encoder.tag(.none)
        case let b as PyBool:
            w.encoder.tag(b.boolValue ? .true : .false)
        case let i as PyInt where type(of: i) == PyInt.self:
            if let big = i.big {
                w.encoder.tag(.int)
                w.encoder.writeBigInt(big)
            } else {
                w.encoder.writeInt(i.small)
            }
        case let f as PyFloat:
            w.encoder.writeFloat(f.value)
        case let s as PyString:
            w.encoder.writeStr(s.value)
        case let b as PyBytes:
            w.encoder.writeBytes(b.value)
        case let l as PyList where type(of: l) == PyList.self:
            let items = l.items
            w.encoder.tag(.list)
            w.encoder.count(items.count)
            for item in items { try writePickled(item, into: &w, depth: depth + 1, wireDepth: wireDepth + 1) }
        case let t as PyTuple where type(of: t) == PyTuple.self:
            let items = t.items
            w.encoder.tag(.tuple)
            w.encoder.count(items.count)
            for item in items { try writePickled(item, into: &w, depth: depth + 1, wireDepth: wireDepth + 1) }
        case let dict as PyDict where type(of: dict) == PyDict.self:
            let keys = dictKeys(dict)
            w.encoder.tag(.dict)
            w.encoder.count(keys.count)
            for key in keys {
                try writePickled(key, into: &w, depth: depth + 1, wireDepth: wireDepth + 1)
                try writePickled(try dictGet(dict, key) ?? PyNone.shared, into: &w, depth: depth + 1, wireDepth: wireDepth + 1)
            }
        default:
            let value = try pickle(object, depth: depth)
            do {
                try w.encoder.encode(value, depth: wireDepth)
            } catch PickleError.tooDeep {
                w.tooDeep = true
            }
        }
    }

    /// The error `pickleBytes` raises when a finished tree cannot be encoded.
    func picklingEncodeError(_ e: PickleError) -> PyError {
        pythonError(e.pythonExceptionType == "RecursionError" ? "RecursionError" : "ValueError", e.description)
    }

    // MARK: Reading

    /// Rebuilds a message made only of the fast lane's kinds; nil for anything else (another
    /// kind anywhere in it, or malformed bytes), which the caller then hands to the general path
    /// from the start. Building these kinds runs no Python code and cannot fail, so starting
    /// over is invisible, and malformed input gets the general path's error.
    func directUnpickle(_ bytes: [UInt8]) -> PyObject? {
        directUnpickle(bytes, range: 0..<bytes.count)
    }

    /// `directUnpickle` of the message in `range` of `bytes`.
    func directUnpickle(_ bytes: [UInt8], range: Range<Int>) -> PyObject? {
        var decoder = PickleDecoder(bytes: bytes, range: range)
        guard (try? decoder.expectHeader()) != nil, let object = readPickled(&decoder, depth: 1), decoder.isAtEnd else {
            return nil
        }
        return object
    }

    /// One value of the fast lane's kinds at the decoder's position, or nil (see
    /// `directUnpickle`).
    func readPickled(_ d: inout PickleDecoder, depth: Int) -> PyObject? {
        guard depth <= PickleValue.maximumDepth, let tag = d.peekTag() else { return nil }
        d.skipTag()
        switch tag {
        case .none:
            return PyNone.shared
        case .false:
            return PyBool.falseValue
        case .true:
            return PyBool.trueValue
        case .int:
            if let small = d.smallIntPayload() { return PyInt.make(small) }
            guard let big = try? d.int() else { return nil }
            return PyInt.make(big)
        case .float:
            guard let value = try? d.floatPayload() else { return nil }
            return PyFloat(value)
        case .str:
            guard let text = try? d.text() else { return nil }
            return PyString(text)
        case .bytes:
            guard let length = try? d.count(), let data = try? d.rawBytes(count: length) else { return nil }
            return PyBytes(data)
        case .list, .tuple:
            guard let count = try? d.count(), count <= d.remaining else { return nil }
            var items: [PyObject] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let item = readPickled(&d, depth: depth + 1) else { return nil }
                items.append(item)
            }
            return tag == .list ? PyList(items) : PyTuple(items)
        case .dict:
            guard let count = try? d.count(), count <= d.remaining / 2 else { return nil }
            let dict = PyDict()
            for _ in 0..<count {
                guard let key = readPickled(&d, depth: depth + 1), let value = readPickled(&d, depth: depth + 1),
                      (try? dictSet(dict, key, value)) != nil else { return nil }
            }
            return dict
        case .set, .frozenset, .exception, .instance, .function, .class:
            return nil
        }
    }
}
