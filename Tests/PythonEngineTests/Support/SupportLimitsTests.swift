import BigInt
import Testing
@testable import PythonEngine

/// Hostile sizes end in a Python exception, never in a hang or a crash; huge precisions that
/// CPython handles quickly (the digits of a double end early) are handled exactly too.
@Suite struct SupportLimitsTests {
    static let memoryError = SupportError(.memoryError, "")

    @Test func hugeWidthsRaiseMemoryError() {
        #expect(throws: Self.memoryError) { try formatText("a", spec: "999999999") }
        #expect(throws: Self.memoryError) { try formatInteger(1, spec: "0999999999") }
        #expect(throws: Self.memoryError) { try formatFloat(1, spec: "999999999,.2f") }
        #expect(throws: Self.memoryError) { try formatFloat(1, spec: ".999999999f") }
        #expect(throws: Self.memoryError) { try PyStr.center("a", 10_000_000_000) }
        #expect(throws: Self.memoryError) { try PyStr.zfill("1", 10_000_000_000) }
        #expect(throws: Self.memoryError) { try PyStr.expandtabs("a\tb", tabsize: 1_000_000_000) }
        #expect(throws: Self.memoryError) { try PyStr.replace(String(repeating: "a", count: 1000), "", String(repeating: "x", count: 100_000)) }
        var r = PythonRandom(seed: 1)
        #expect(throws: Self.memoryError) { try r.getrandbits(Int.max) }
        #expect(Self.memoryError.description == "MemoryError")
    }

    // python3 -c "print(repr(format(5e-324, '.1500f')[-30:]), len(format(5e-324, '.1500f')),
    //   repr(format(0.1, '.900e')[:30]), repr(format(0.1, '.900e')[-10:]), len(format(0.1, '.900e')),
    //   repr(format(1/3, '.1200g')[-12:]), len(format(1/3, '.1200g')))"
    @Test func hugePrecisionsAreExact() throws {
        let tiny = try formatFloat(.leastNonzeroMagnitude, spec: ".1500f")
        #expect(tiny.count == 1502 && tiny.hasSuffix(String(repeating: "0", count: 30)))
        let tenth = try formatFloat(0.1, spec: ".900e")
        #expect(tenth.count == 906 && tenth.hasPrefix("1.0000000000000000555111512312") && tenth.hasSuffix("000000e-01"))
        let third = try formatFloat(1.0 / 3, spec: ".1200g")
        #expect(third.count == 56 && third.hasSuffix("198486328125"))
    }

    // python3 -c "print(round(-5*10**20, -21), round(5*10**20, -21), round(15*10**20, -21), round(2500, -3))"
    // (round(123, -10**9) is 0; CPython itself takes forever computing 10**(10**9))
    @Test func roundingIntsToHugeNegativeDigits() {
        #expect(pythonRoundInt(-5 * BigInt(10).power(20), ndigits: -21) == 0)
        #expect(pythonRoundInt(15 * BigInt(10).power(20), ndigits: -21) == 2 * BigInt(10).power(21))
        #expect(pythonRoundInt(2500, ndigits: -3) == 2000)
        #expect(pythonRoundInt(123, ndigits: -1_000_000_000) == 0)
    }
}
