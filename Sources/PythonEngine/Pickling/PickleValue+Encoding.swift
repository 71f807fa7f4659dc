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

struct PickleEncoder {
    private(set) var bytes: [UInt8] = PickleValue.header

    /// Pieces still to write, last first.
    private enum Work {
        case value(PickleValue, depth: Int)
        case text(String)
    }

    mutating func encode(_ root: PickleValue) throws {
        var stack: [Work] = [.value(root, depth: 1)]
        while let work = stack.popLast() {
            switch work {
            case let .text(text):
                writeText(text)
            case let .value(value, depth):
                guard depth <= PickleValue.maximumDepth else { throw PickleError.tooDeep }
                let children = write(value)
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

    /// Writes the value's tag and fixed part; returns what follows it, in order.
    private mutating func write(_ value: PickleValue) -> [Child] {
        switch value {
        case .none:
            tag(.none)
        case let .bool(flag):
            tag(flag ? .true : .false)
        case let .int(number):
            tag(.int)
            writeInt(number)
        case let .float(number):
            tag(.float)
            var bits = number.bitPattern
            for _ in 0..<8 {
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        case let .str(text):
            tag(.str)
            writeText(text)
        case let .bytes(data):
            tag(.bytes)
            count(data.count)
            bytes.append(contentsOf: data)
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
        case let .function(module, qualname):
            tag(.function)
            writeText(module)
            writeText(qualname)
        case let .class(module, qualname):
            tag(.class)
            writeText(module)
            writeText(qualname)
        }
        return []
    }

    private mutating func sequence(_ kind: PickleTag, _ items: [PickleValue]) -> [Child] {
        tag(kind)
        count(items.count)
        return items.map(Child.value)
    }

    private mutating func tag(_ tag: PickleTag) {
        bytes.append(tag.rawValue)
    }

    private mutating func count(_ value: Int) {
        var remaining = UInt64(max(0, value))
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    private mutating func writeText(_ text: String) {
        let utf8 = Array(text.utf8)
        count(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    private mutating func writeInt(_ number: BigInt) {
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
