import BigInt

extension PickleValue {
    /// Decodes bytes made by `encode()`. Any malformed input (truncated, unknown tag, invalid
    /// UTF-8, a count larger than the bytes left, trailing bytes, nesting deeper than
    /// `maximumDepth`) throws `PickleError`; it never traps and never allocates more than the
    /// input can justify.
    public init(decoding bytes: [UInt8]) throws {
        var decoder = PickleDecoder(bytes: bytes)
        try decoder.expectHeader()
        self = try decoder.value(depth: 1)
        guard decoder.offset == bytes.count else {
            throw PickleError.malformed(offset: decoder.offset, reason: "\(bytes.count - decoder.offset) trailing bytes")
        }
    }
}

/// Reads the wire format. Besides whole `PickleValue` trees (`value(depth:)`), the primitive
/// readers are open to the interpreter's direct reader, which builds common objects (ints,
/// strs, lists of them) without a `PickleValue` in between.
struct PickleDecoder {
    let bytes: [UInt8]
    private(set) var offset = 0
    /// Where the message ends: the end of `bytes`, or of the range given (one message among
    /// many in a shared buffer).
    let end: Int

    init(bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count
    }

    /// Reads the message in `range` of `bytes` (which must lie within them).
    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = range.upperBound
    }

    var remaining: Int { end - offset }
    var isAtEnd: Bool { offset == end }

    private func fail(_ reason: String) -> PickleError {
        .malformed(offset: offset, reason: reason)
    }

    mutating func expectHeader() throws {
        guard remaining >= 2, bytes[offset] == 0x50, bytes[offset + 1] == 0x01 else {
            throw fail("missing or unknown header")
        }
        offset += 2
    }

    mutating func value(depth: Int) throws -> PickleValue {
        guard depth <= PickleValue.maximumDepth else { throw PickleError.tooDeep }
        let tagOffset = offset
        guard let tag = PickleTag(rawValue: try byte()) else {
            offset = tagOffset
            throw fail("unknown tag \(bytes[tagOffset])")
        }
        switch tag {
        case .none: return .none
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .int: return .int(try int())
        case .float: return .float(try floatPayload())
        case .str: return .str(try text())
        case .bytes: return .bytes(try rawBytes(count: try count()))
        case .list: return .list(try values(depth: depth))
        case .tuple: return .tuple(try values(depth: depth))
        case .set: return .set(try values(depth: depth))
        case .frozenset: return .frozenset(try values(depth: depth))
        case .dict: return .dict(try pairs(depth: depth))
        case .exception:
            let typeName = try text()
            let args = try values(depth: depth)
            return .exception(typeName: typeName, args: args, message: try text())
        case .instance:
            let module = try text()
            let qualname = try text()
            return .instance(module: module, qualname: qualname, state: try pairs(depth: depth))
        case .function:
            let module = try text()
            return .function(module: module, qualname: try text())
        case .class:
            let module = try text()
            return .class(module: module, qualname: try text())
        }
    }

    private mutating func values(depth: Int) throws -> [PickleValue] {
        let count = try count()
        guard count <= remaining else { throw fail("\(count) elements announced, \(remaining) bytes left") }
        var items: [PickleValue] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try value(depth: depth + 1)) }
        return items
    }

    private mutating func pairs(depth: Int) throws -> [PickleValue.Pair] {
        let count = try count()
        guard count <= remaining / 2 else { throw fail("\(count) pairs announced, \(remaining) bytes left") }
        var pairs: [PickleValue.Pair] = []
        pairs.reserveCapacity(count)
        for _ in 0..<count {
            let key = try value(depth: depth + 1)
            pairs.append(PickleValue.Pair(key, try value(depth: depth + 1)))
        }
        return pairs
    }

    /// The next tag, not consumed; nil at the end or for an unknown tag.
    func peekTag() -> PickleTag? {
        offset < end ? PickleTag(rawValue: bytes[offset]) : nil
    }

    /// Skips the tag `peekTag()` returned.
    mutating func skipTag() {
        offset += 1
    }

    mutating func floatPayload() throws -> Double {
        guard remaining >= 8 else {
            offset = end
            throw fail("data ends early")
        }
        var bits: UInt64 = 0
        for shift in 0..<8 { bits |= UInt64(bytes[offset + shift]) << (8 * UInt64(shift)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    /// An int's payload as a machine word when it fits; nil (nothing consumed) otherwise, or
    /// when the payload is malformed (the caller then reads it with `int()`, which reports it).
    mutating func smallIntPayload() -> Int? {
        let start = offset
        guard remaining >= 2 else { return nil }
        let sign = bytes[offset]
        let length = Int(bytes[offset + 1])
        guard sign <= 1, length <= 8, length <= remaining - 2 else { return nil }
        var magnitude: UInt64 = 0
        for index in 0..<length { magnitude |= UInt64(bytes[offset + 2 + index]) << (8 * UInt64(index)) }
        if sign == 1 {
            guard magnitude <= UInt64(Int.max) + 1 else { return nil }
            offset = start + 2 + length
            return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { return nil }
        offset = start + 2 + length
        return Int(magnitude)
    }

    mutating func byte() throws -> UInt8 {
        guard offset < end else { throw fail("data ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func count() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 63 else { throw fail("length too long") }
            result |= UInt64(next & 0x7f) << shift
            if next & 0x80 == 0 { break }
            shift += 7
        }
        guard result <= UInt64(Int.max) else { throw fail("length out of range") }
        return Int(result)
    }

    mutating func rawBytes(count: Int) throws -> [UInt8] {
        guard count <= remaining else { throw fail("length \(count) exceeds the \(remaining) bytes left") }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    /// Where the next length-prefixed text's bytes are, skipping them unvalidated (for a
    /// reader that recognises bytes it has seen and validates only new ones).
    mutating func textRange() throws -> Range<Int> {
        let length = try count()
        guard length <= remaining else { throw fail("length \(length) exceeds the \(remaining) bytes left") }
        defer { offset += length }
        return offset..<(offset + length)
    }

    /// The UTF-8 text in `range` of the input, nil if it is not valid UTF-8.
    func string(in range: Range<Int>) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            let utf8 = UnsafeBufferPointer(rebasing: buffer[range])
            // ASCII (names, most data) is valid UTF-8 as it stands: skip the general validator.
            if utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: utf8, as: UTF8.self) }
            return String(validating: utf8, as: UTF8.self)
        }
    }

    mutating func text() throws -> String {
        let start = offset
        let length = try count()
        guard length <= remaining else { throw fail("length \(length) exceeds the \(remaining) bytes left") }
        guard let text = string(in: offset..<(offset + length)) else {
            offset = start
            throw fail("invalid UTF-8 in a string")
        }
        offset += length
        return text
    }

    mutating func int() throws -> BigInt {
        let signOffset = offset
        let sign = try byte()
        guard sign <= 1 else {
            offset = signOffset
            throw fail("invalid integer sign \(sign)")
        }
        let magnitudeBytes = try rawBytes(count: try count())
        var words: [UInt] = []
        words.reserveCapacity(magnitudeBytes.count / MemoryLayout<UInt>.size + 1)
        var word: UInt = 0
        var shift = 0
        for byte in magnitudeBytes {
            word |= UInt(byte) << UInt(shift)
            shift += 8
            if shift == UInt.bitWidth {
                words.append(word)
                word = 0
                shift = 0
            }
        }
        if shift > 0 { words.append(word) }
        let magnitude = BigUInt(words: words)
        return BigInt(sign: sign == 1 && !magnitude.isZero ? .minus : .plus, magnitude: magnitude)
    }
}
