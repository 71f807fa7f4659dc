import BigInt
import Testing
@testable import PythonEngine

@Suite struct PickleValueTests {
    func roundTrip(_ value: PickleValue) throws -> PickleValue {
        try PickleValue(decoding: value.encode())
    }

    @Test func scalarsRoundTrip() throws {
        let huge = BigInt(2).power(200) + 12_345
        let values: [PickleValue] = [
            .none, .bool(true), .bool(false), .int(0), .int(1), .int(-1), .int(255), .int(-256),
            .int(BigInt(Int64.max)), .int(BigInt(Int64.min)), .int(huge), .int(-huge),
            .float(0), .float(-0.0), .float(3.5), .float(-1e308), .float(.infinity), .float(.leastNonzeroMagnitude),
            .str(""), .str("héllo ✓ \u{1F600}"), .str("a\u{0}b"), .bytes([]), .bytes([0, 255, 10]),
        ]
        for value in values {
            #expect(try roundTrip(value) == value)
        }
        // -0.0 == 0.0 in Swift: check the sign bit survived, and NaN by its bits.
        guard case let .float(negativeZero) = try roundTrip(.float(-0.0)) else { Issue.record("not a float"); return }
        #expect(negativeZero.sign == .minus)
        let nan = Double(nan: 0x1234, signaling: false)
        guard case let .float(decodedNaN) = try roundTrip(.float(nan)) else { Issue.record("not a float"); return }
        #expect(decodedNaN.bitPattern == nan.bitPattern)
    }

    @Test func containersAndObjectsRoundTrip() throws {
        let value = PickleValue.list([
            .tuple([.int(1), .str("two"), .none]),
            .dict([.init(.str("b"), .int(2)), .init(.str("a"), .list([])), .init(.tuple([.int(1), .int(2)]), .bool(true))]),
            .set([.int(3), .int(1)]),
            .frozenset([]),
            .exception(typeName: "ValueError", args: [.str("bad value"), .int(3)], message: "('bad value', 3)"),
            .exception(typeName: "__main__.MyError", args: [], message: ""),
            .instance(module: "__main__", qualname: "Point", state: [.init(.str("x"), .float(1.5)), .init(.str("y"), .int(-2))]),
            .function(module: "__main__", qualname: "square"),
            .class(module: "__main__", qualname: "Point.Inner"),
            .tuple([]),
        ])
        #expect(try roundTrip(value) == value)
        // Order of dict pairs and set elements is kept as given.
        guard case let .list(items) = try roundTrip(value), case let .dict(pairs) = items[1] else {
            Issue.record("shape changed")
            return
        }
        #expect(pairs.map(\.key) == [.str("b"), .str("a"), .tuple([.int(1), .int(2)])])
    }

    @Test func encodingIsCompact() throws {
        #expect(try PickleValue.int(5).encode() == [0x50, 0x01, 3, 0, 1, 5])
        #expect(try PickleValue.int(0).encode() == [0x50, 0x01, 3, 0, 0])
        #expect(try PickleValue.list(Array(repeating: .none, count: 3)).encode() == [0x50, 0x01, 7, 3, 0, 0, 0])
        #expect(try PickleValue.str("hi").encode() == [0x50, 0x01, 5, 2, 0x68, 0x69])
    }

    @Test func nestingIsLimitedBothWays() throws {
        var deep = PickleValue.none
        for _ in 0..<(PickleValue.maximumDepth - 1) { deep = .list([deep]) }
        #expect(try roundTrip(deep) == deep)
        let tooDeep = PickleValue.list([deep])
        #expect(throws: PickleError.tooDeep) { _ = try tooDeep.encode() }
        // Crafted bytes nesting far deeper than allowed: an error, not a stack overflow.
        let crafted = PickleValue.header + Array(repeating: [UInt8](arrayLiteral: 7, 1), count: 100_000).flatMap { $0 } + [0]
        #expect(throws: PickleError.tooDeep) { _ = try PickleValue(decoding: crafted) }
        #expect(PickleError.tooDeep.description == "maximum recursion depth exceeded while pickling an object")
        #expect(PickleError.tooDeep.pythonExceptionType == "RecursionError")
    }

    @Test func malformedInputIsAnErrorNeverACrash() throws {
        let header = PickleValue.header
        let cases: [[UInt8]] = [
            [], [0x50], [0x51, 0x01, 0], [0x50, 0x02, 0],        // header
            header, header + [99], header + [0, 0],                // empty, unknown tag, trailing
            header + [3], header + [3, 2, 0], header + [3, 0, 5, 1],  // int: truncated, bad sign, short
            header + [4, 0, 0, 0],                                 // float: short
            header + [5, 3, 0x61], header + [5, 1, 0xff],          // str: short, invalid UTF-8
            header + [5, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],  // absurd length
            header + [5] + Array(repeating: 0xff, count: 12),      // length varint too long
            header + [7, 0xff, 0xff, 0xff, 0xff, 0x0f],            // huge count, no elements
            header + [9, 2, 0], header + [12, 1, 0x41, 1],         // dict short, exception short
            header + [13, 0, 0, 5, 0], header + [14, 0],           // instance, function short
        ]
        for bytes in cases {
            #expect(throws: PickleError.self, "\(bytes)") { _ = try PickleValue(decoding: bytes) }
        }
        // Every truncation of a valid encoding fails cleanly.
        let valid = try PickleValue.list([
            .dict([.init(.str("k"), .int(BigInt(2).power(70)))]),
            .exception(typeName: "KeyError", args: [.str("k")], message: "'k'"),
            .instance(module: "m", qualname: "C", state: [.init(.str("a"), .float(1))]),
        ]).encode()
        for length in 0..<valid.count {
            #expect(throws: PickleError.self) { _ = try PickleValue(decoding: Array(valid.prefix(length))) }
        }
        // Random bytes after a valid header: errors or values, never a trap.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let noise = header + (0..<Int.random(in: 0..<40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? PickleValue(decoding: noise)
        }
        let error = PickleError.malformed(offset: 2, reason: "unknown tag 99")
        #expect(error.description == "malformed pickle data at byte 2: unknown tag 99")
        #expect(error.pythonExceptionType == "_pickle.UnpicklingError")
    }
}
