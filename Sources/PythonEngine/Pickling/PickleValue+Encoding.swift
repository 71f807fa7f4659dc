import BigInt

/// The compact binary form: a 2-byte header (`P`, version 1), then each value as a tag byte and
/// its payload. Counts and lengths are unsigned LEB128; floats are their IEEE-754 bits (so NaN
/// payloads and -0.0 survive); ints are a sign byte and little-endian magnitude bytes.
enum PickleTag: UInt8 {
    case none = 0, `false`, `true`, int, float, str, bytes, list, tuple, dict, set, frozenset
    case exception, instance, function, `class`
}

extension PickleValue {
    static let header: [UInt8] = [0x50, 0x01]

    /// Encodes the value. Iterative (an explicit work stack), so only `maximumDepth` limits how
    /// deep a value may be. Throws `PickleError.tooDeep` beyond it, as CPython raises
    /// `RecursionError` while pickling.
    public func encode() throws -> [UInt8] {
        var encoder = PickleEncoder()
        try encoder.encode(self)
        return encoder.bytes
    }
}

/// Writes the wire format into one growing buffer. Besides whole `PickleValue` trees
/// (`encode(_:)`), it exposes the primitive writers (`tag`, `count`, `writeInt`, ...) so the
/// interpreter can write common objects (ints, strs, lists of them) straight from its own
/// objects without building a `PickleValue` first: that tree costs an allocation per node and
/// was most of the price of sending `pool.map` items and queue messages.
struct PickleEncoder {
    private(set) var bytes: [UInt8]

    /// Starts a buffer with the header; `capacity` is a hint for the whole message.
    init(capacity: Int = 32) {
        bytes = []
        bytes.reserveCapacity(max(capacity, 16))
        bytes.append(contentsOf: PickleValue.header)
    }

    /// Continues from `encoded`, which starts with the header.
    init(startingWith encoded: [UInt8], capacity: Int) {
        bytes = []
        bytes.reserveCapacity(max(capacity, encoded.count))
        bytes.append(contentsOf: encoded)
    }

    /// Pieces still to write, last first.
    private enum Work {
        case value(PickleValue, depth: Int)
        case text(String)
    }

    /// Appends `root` as a value nested at `depth` (1 for a message's root).
    mutating func encode(_ root: PickleValue, depth rootDepth: Int = 1) throws {
        // Scalars (most values sent) need no work stack.
        guard rootDepth <= PickleValue.maximumDepth else { throw PickleError.tooDeep }
        if writeScalar(root) { return }
        var stack: [Work] = [.value(root, depth: rootDepth)]
        while let work = stack.popLast() {
            switch work {
            case let .text(text):
                writeText(text)
            case let .value(value, depth):
                guard depth <= PickleValue.maximumDepth else { throw PickleError.tooDeep }
                if writeScalar(value) { continue }
                let children = writeContainer(value)
                for child in children.reversed() {
                    switch child {
                    case let .value(inner): stack.append(.value(inner, depth: depth + 1))
                    case let .text(text): stack.append(.text(text))
                    }
                }
            }
        }
    }

    private enum Child {
        case value(PickleValue)
        case text(String)
    }

    /// Writes a value that has no nested values; false for the others.
    private mutating func writeScalar(_ value: PickleValue) -> Bool {
        switch value {
        case .none:
            tag(.none)
        case let .bool(flag):
            tag(flag ? .true : .false)
        case let .int(number):
            if let small = Int(exactly: number) {
                writeInt(small)
            } else {
                tag(.int)
                writeBigInt(number)
            }
        case let .float(number):
            writeFloat(number)
        case let .str(text):
            tag(.str)
            writeText(text)
        case let .bytes(data):
            writeBytes(data)
        case let .function(module, qualname):
            tag(.function)
            writeText(module)
            writeText(qualname)
        case let .class(module, qualname):
            tag(.class)
            writeText(module)
            writeText(qualname)
        case .list, .tuple, .set, .frozenset, .dict, .exception, .instance:
            return false
        }
        return true
    }

    /// Writes a container's tag and fixed part; returns what follows it, in order.
    private mutating func writeContainer(_ value: PickleValue) -> [Child] {
        switch value {
        case let .list(items):
            return sequence(.list, items)
        case let .tuple(items):
            return sequence(.tuple, items)
        case let .set(items):
            return sequence(.set, items)
        case let .frozenset(items):
            return sequence(.frozenset, items)
        case let .dict(pairs):
            tag(.dict)
            count(pairs.count)
            return pairs.flatMap { [Child.value($0.key), .value($0.value)] }
        case let .exception(typeName, args, message):
            tag(.exception)
            writeText(typeName)
            count(args.count)
            return args.map(Child.value) + [.text(message)]
        case let .instance(module, qualname, state):
            tag(.instance)
            writeText(module)
            writeText(qualname)
            count(state.count)
            return state.flatMap { [Child.value($0.key), .value($0.value)] }
        case .none, .bool, .int, .float, .str, .bytes, .function, .class:
            return []
        }
    }

    private mutating func sequence(_ kind: PickleTag, _ items: [PickleValue]) -> [Child] {
        tag(kind)
        count(items.count)
        return items.map(Child.value)
    }

    // MARK: Primitives (shared with the interpreter's direct writer)

    mutating func tag(_ tag: PickleTag) {
        bytes.append(tag.rawValue)
    }

    /// A count or length as unsigned LEB128.
    mutating func count(_ value: Int) {
        var remaining = UInt64(max(0, value))
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    /// Bytes already in the wire format (e.g. a value encoded once and sent many times),
    /// without their header.
    mutating func append(encoded: ArraySlice<UInt8>) {
        bytes.append(contentsOf: encoded)
    }

    mutating func writeText(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func writeStr(_ text: String) {
        tag(.str)
        writeText(text)
    }

    mutating func writeBytes(_ data: [UInt8]) {
        tag(.bytes)
        count(data.count)
        bytes.append(contentsOf: data)
    }

    mutating func writeFloat(_ number: Double) {
        tag(.float)
        var bits = number.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    /// A machine-word int, tag included: the same bytes `writeBigInt` gives for its value.
    mutating func writeInt(_ number: Int) {
        tag(.int)
        bytes.append(number < 0 ? 1 : 0)
        var magnitude = UInt64(number.magnitude)
        var length = 0
        var probe = magnitude
        while probe != 0 {
            length += 1
            probe >>= 8
        }
        count(length)
        while magnitude != 0 {
            bytes.append(UInt8(truncatingIfNeeded: magnitude))
            magnitude >>= 8
        }
    }

    /// A sign byte, then the magnitude's little-endian bytes without trailing zeros.
    mutating func writeBigInt(_ number: BigInt) {
        bytes.append(number.sign == .minus && !number.magnitude.isZero ? 1 : 0)
        var magnitude: [UInt8] = []
        for word in number.magnitude.words {
            var remaining = word
            for _ in 0..<MemoryLayout<UInt>.size {
                magnitude.append(UInt8(truncatingIfNeeded: remaining))
                remaining >>= 8
            }
        }
        while magnitude.last == 0 { magnitude.removeLast() }
        count(magnitude.count)
        bytes.append(contentsOf: magnitude)
    }
}
