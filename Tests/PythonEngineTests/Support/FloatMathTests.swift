import BigInt
import Testing
@testable import PythonEngine

/// round, float // % divmod **, int / // %, float(int), float(str), int(str, base) against
/// CPython 3.11 (FloatMathTestData.swift). Floats travel as bit patterns so -0.0 and the last
/// bit are checked too; errors as "!Kind: message".
@Suite struct FloatMathTests {
    private static func double(_ field: Substring) -> Double { Double(bitPattern: UInt64(field, radix: 16) ?? 0) }
    private static func bits(_ d: Double) -> String {
        let hex = String(d.bitPattern, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
    private static func int(_ field: Substring) -> BigInt { BigInt(String(field)) ?? 0 }

    private static func outcome(_ body: () throws(SupportError) -> String) -> String {
        do { return try body() } catch { return "!" + error.description }
    }

    private static func run(_ f: [Substring]) -> String? {
        switch f[0] {
        case "round0": return outcome { () throws(SupportError) in String(try pythonRound(double(f[1]))) }
        case "round":
            return outcome { () throws(SupportError) in bits(try pythonRound(double(f[1]), ndigits: Int(f[2]) ?? 0)) }
        case "floordiv": return outcome { () throws(SupportError) in bits(try floatFloorDivide(double(f[1]), double(f[2]))) }
        case "mod": return outcome { () throws(SupportError) in bits(try floatModulo(double(f[1]), double(f[2]))) }
        case "divmod":
            return outcome { () throws(SupportError) in
                let (q, r) = try floatDivmod(double(f[1]), double(f[2]))
                return bits(q) + "," + bits(r)
            }
        case "pow":
            return outcome { () throws(SupportError) in
                switch try floatPow(double(f[1]), double(f[2])) {
                case .real(let d): return bits(d)
                case .complexResult: return "complex"
                }
            }
        case "tofloat": return outcome { () throws(SupportError) in bits(try bigIntToDouble(int(f[1]))) }
        case "truediv": return outcome { () throws(SupportError) in bits(try bigIntTrueDivide(int(f[1]), int(f[2]))) }
        case "ifloordiv": return outcome { () throws(SupportError) in String(try bigIntFloorDivide(int(f[1]), int(f[2]))) }
        case "imod": return outcome { () throws(SupportError) in String(try bigIntModulo(int(f[1]), int(f[2]))) }
        case "roundint": return String(pythonRoundInt(int(f[1]), ndigits: Int(f[2]) ?? 0))
        case "parsefloat": return outcome { () throws(SupportError) in bits(try pythonFloatFromString(String(f[1]))) }
        case "parseint":
            return outcome { () throws(SupportError) in
                let text = String(try parsePythonInt(String(f[1]), base: Int(f[2]) ?? 10))
                return text.count > 120 ? "digits:\(text.count)" : text
            }
        default: return nil
        }
    }

    @Test func tableMatchesCPython() {
        let rows = FloatMathData.rows.split(separator: "\u{1d}", omittingEmptySubsequences: false)
            .map { $0.first == "\n" ? $0.dropFirst() : $0 }.filter { !$0.isEmpty }
        #expect(rows.count > 4000)
        var failures = 0
        for row in rows {
            let fields = row.split(separator: "\u{1f}", omittingEmptySubsequences: false)
            let expected = String(fields[fields.count - 1])
            guard let got = Self.run(fields) else {
                Issue.record("unknown operation \(fields[0])")
                continue
            }
            // NaN payloads differ between platforms; any NaN matches any NaN.
            let bothNaN = got.count == 16 && expected.count == 16 && Self.double(Substring(got)).isNaN
                && Self.double(Substring(expected)).isNaN
            if got != expected && !bothNaN {
                failures += 1
                if failures <= 25 {
                    let shown = fields.dropFirst().dropLast().map { String($0.prefix(40)) }
                    Issue.record("\(fields[0]) \(shown): got \(got), CPython \(expected)")
                }
            }
        }
        #expect(failures == 0)
    }

    // python3 -c "print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), 10**400 / 10**399)"
    @Test func landmarks() throws {
        #expect(try pythonRound(2.675, ndigits: 2) == 2.67)
        #expect(try pythonRound(0.5) == 0)
        #expect(try pythonRound(1.5) == 2)
        #expect(try pythonRound(-0.5) == 0)
        #expect(try bigIntTrueDivide(BigInt(10).power(400), BigInt(10).power(399)) == 10.0)
        #expect(throws: SupportError.overflowError("cannot convert float infinity to integer")) { try pythonRound(.infinity) }
        #expect(throws: SupportError.valueError("cannot convert float NaN to integer")) { try pythonRound(.nan) }
        #expect(throws: SupportError.zeroDivision("float division by zero")) { try floatTrueDivide(1, 0) }
        #expect(throws: SupportError.zeroDivision("float modulo")) { try floatModulo(1, 0) }
        #expect(throws: SupportError.zeroDivision("float floor division by zero")) { try floatFloorDivide(1, 0) }
        #expect(throws: SupportError.zeroDivision("division by zero")) { try bigIntTrueDivide(1, 0) }
    }

    // python3 -c "import sys; print(str(10**4299)[:5]); str(10**4300)"
    @Test func intToStringDigitLimit() throws {
        #expect(try pythonIntToString(BigInt(10).power(4299)).count == 4300)
        #expect(try pythonIntToString(-BigInt(10).power(4299)).count == 4301)
        let limit = SupportError.valueError("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
        #expect(throws: limit) { try pythonIntToString(BigInt(10).power(4300)) }
        #expect(throws: limit) { try pythonIntToString(BigInt(1) << 60_000) }
        #expect(try pythonIntToString(-42) == "-42")
        // python3 -c "int('1'*5000)"
        #expect(throws: SupportError.valueError("Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit")) {
            try parsePythonInt(String(repeating: "1", count: 5000), base: 10)
        }
        #expect(throws: SupportError.valueError("int() base must be >= 2 and <= 36, or 0")) { try parsePythonInt("1", base: 1) }
        #expect(parsePythonFloat("1_0.5") == 10.5)
        #expect(parsePythonFloat("abc") == nil)
    }
}

/// float.as_integer_ratio() and the exact rational behind the digit generation.
@Suite struct IntegerRatioTests {
    // python3 -c "print((0.5).as_integer_ratio(), (1.0).as_integer_ratio(), (0.1).as_integer_ratio(),
    //   (-2.5).as_integer_ratio(), (1e300).as_integer_ratio()[1], (0.0).as_integer_ratio(), (-0.0).as_integer_ratio(),
    //   (5e-324).as_integer_ratio()[0])"
    @Test func lowestTerms() throws {
        #expect(try pythonAsIntegerRatio(0.5) == (1, 2))
        #expect(try pythonAsIntegerRatio(1.0) == (1, 1))
        #expect(try pythonAsIntegerRatio(0.1) == (3602879701896397, 36028797018963968))
        #expect(try pythonAsIntegerRatio(-2.5) == (-5, 2))
        #expect(try pythonAsIntegerRatio(1e300).denominator == 1)
        #expect(try pythonAsIntegerRatio(0.0) == (0, 1))
        #expect(try pythonAsIntegerRatio(-0.0) == (0, 1))
        #expect(try pythonAsIntegerRatio(.leastNonzeroMagnitude).numerator == 1)
        #expect(try pythonAsIntegerRatio(.leastNonzeroMagnitude).denominator == BigInt(1) << 1074)
    }

    // python3 -c "float('inf').as_integer_ratio()"; python3 -c "float('nan').as_integer_ratio()"
    @Test func nonFiniteValuesRaise() {
        #expect(throws: SupportError.overflowError("cannot convert Infinity to integer ratio")) { try pythonAsIntegerRatio(.infinity) }
        #expect(throws: SupportError.overflowError("cannot convert Infinity to integer ratio")) { try pythonAsIntegerRatio(-.infinity) }
        #expect(throws: SupportError.valueError("cannot convert NaN to integer ratio")) { try pythonAsIntegerRatio(.nan) }
        #expect(exactRational(.infinity) == (0, 1))
        #expect(doubleToBigInt(.nan) == 0)
    }
}
