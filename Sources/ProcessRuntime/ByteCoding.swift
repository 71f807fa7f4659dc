/// The little binary vocabulary of this layer's own messages (pool tasks and results, shared
/// containers): unsigned LEB128 integers and length-prefixed byte strings.
///
/// Internal on purpose: these bytes never leave one run of the grader, so the format can change
/// freely. Reading is defensive (bounds-checked, lengths checked against what is left) because a
/// worker killed mid-write or a scribbled shared buffer must give an error, not a crash.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 64) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// A non-negative integer as unsigned LEB128 (negative values are written as 0: callers
    /// only store counts, indices and ids).
    mutating func count(_ value: Int) {
        var remaining = UInt64(max(0, value))
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    /// Bytes with no length before them (the reader must know how many).
    mutating func raw(_ value: ArraySlice<UInt8>) {
        bytes.append(contentsOf: value)
    }

    mutating func blob(_ value: [UInt8]) {
        count(value.count)
        bytes.append(contentsOf: value)
    }
}

/// The message could not be decoded: truncated, or a length/count that does not fit.
struct MalformedMessage: Error, CustomStringConvertible {
    let detail: String
    var description: String { "malformed message: \(detail)" }
}

struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset >= bytes.count }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw MalformedMessage(detail: "ends early at byte \(offset)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func count() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 63 else { throw MalformedMessage(detail: "integer too long at byte \(offset)") }
            result |= UInt64(next & 0x7f) << shift
            if next & 0x80 == 0 { break }
            shift += 7
        }
        guard result <= UInt64(Int.max) else { throw MalformedMessage(detail: "integer out of range") }
        return Int(result)
    }

    /// A count that announces `count` following elements of at least `minimumSize` bytes each:
    /// refused when they cannot fit in what is left, so garbage cannot trigger a huge allocation.
    mutating func elementCount(minimumSize: Int = 1) throws -> Int {
        let value = try count()
        guard value <= remaining / max(1, minimumSize) else {
            throw MalformedMessage(detail: "count \(value) exceeds the \(remaining) bytes left")
        }
        return value
    }

    mutating func blob() throws -> [UInt8] {
        try raw(count: try count())
    }

    /// The next `length` bytes.
    mutating func raw(count length: Int) throws -> [UInt8] {
        guard length <= remaining else {
            throw MalformedMessage(detail: "length \(length) exceeds the \(remaining) bytes left")
        }
        defer { offset += length }
        return Array(bytes[offset..<(offset + length)])
    }

    func expectEnd() throws {
        guard isAtEnd else { throw MalformedMessage(detail: "\(remaining) unexpected trailing bytes") }
    }
}
