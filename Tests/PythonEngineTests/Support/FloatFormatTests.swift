import BigInt
import Testing
@testable import PythonEngine

/// repr(float) and format(float, spec) against CPython 3.11, over the table in
/// FloatFormatTestData.swift (values given by bit pattern, so nothing is lost in transit).
@Suite struct FloatFormatTests {
    private static func rows(_ table: String) -> [[Substring]] {
        table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    @Test func reprMatchesCPython() {
        for row in Self.rows(FloatFormatData.repr) {
            let value = Double(bitPattern: UInt64(row[0], radix: 16) ?? 0)
            #expect(pythonFloatRepr(value) == String(row[1]), "repr of \(row[1])")
        }
    }

    @Test func formatMatchesCPython() throws {
        var failures = 0
        for row in Self.rows(FloatFormatData.format) {
            let value = Double(bitPattern: UInt64(row[0], radix: 16) ?? 0)
            let got = try formatFloat(value, spec: String(row[1]))
            if got != String(row[2]) {
                failures += 1
                if failures < 20 { Issue.record("format(\(pythonFloatRepr(value)), '\(row[1])') gave \(got), CPython \(row[2])") }
            }
        }
        #expect(failures == 0)
    }

    // python3 -c "print(repr(0.1+0.2), repr(1e16), repr(1e-05), repr(0.0001), repr(-0.0), repr(2.0**-1074))"
    @Test func reprLandmarks() {
        #expect(pythonFloatRepr(0.1 + 0.2) == "0.30000000000000004")
        #expect(pythonFloatRepr(1e16) == "1e+16")
        #expect(pythonFloatRepr(1e-05) == "1e-05")
        #expect(pythonFloatRepr(0.0001) == "0.0001")
        #expect(pythonFloatRepr(-0.0) == "-0.0")
        #expect(pythonFloatRepr(.infinity) == "inf")
        #expect(pythonFloatRepr(-.infinity) == "-inf")
        #expect(pythonFloatRepr(.nan) == "nan")
        #expect(pythonFloatRepr(123456789012345.0) == "123456789012345.0")
        #expect(pythonFloatRepr(Double.leastNonzeroMagnitude) == "5e-324")
    }

    // python3 -c "print(f'{2.675:.2f}', f'{0.125:.2f}', f'{1e22:f}', f'{0.5:.0f}', f'{1.5:.0f}', f'{2.5:.0f}')"
    @Test func roundsTheExactBinaryValue() throws {
        #expect(try formatFloat(2.675, spec: ".2f") == "2.67")
        #expect(try formatFloat(0.125, spec: ".2f") == "0.12")
        #expect(try formatFloat(1e22, spec: "f") == "10000000000000000000000.000000")
        #expect(try formatFloat(0.5, spec: ".0f") == "0")
        #expect(try formatFloat(1.5, spec: ".0f") == "2")
        #expect(try formatFloat(2.5, spec: ".0f") == "2")
        // python3 -c "print(format(1e300, ',.2f')[:40], format(-1234.5, '=+12,.2f'))"
        #expect(try formatFloat(1e300, spec: ",.2f").hasPrefix("1,000,000,000,000,000,052,504,760,255,20"))
        #expect(try formatFloat(-1234.5, spec: "=+12,.2f") == "-   1,234.50")
    }

    // python3 -c "print(format(float('nan'), '+'), format(-float('nan'), ''), format(float('-inf'), '010'), format(-0.0, 'z.1f'), format(100.0, '.3'))"
    @Test func specialValues() throws {
        #expect(try formatFloat(.nan, spec: "+") == "+nan")
        #expect(try formatFloat(-.nan, spec: "") == "nan")
        #expect(try formatFloat(-.infinity, spec: "010") == "-000000inf")
        #expect(try formatFloat(-0.0, spec: "z.1f") == "0.0")
        #expect(try formatFloat(100.0, spec: ".3") == "1e+02")
        #expect(try formatFloat(.infinity, spec: "F") == "INF")
    }

    // Each message copied from python3, e.g. python3 -c "format(1.5, 'd')".
    @Test func errorsCarryCPythonMessages() {
        func message(_ spec: String) -> String? {
            do { _ = try formatFloat(1.5, spec: spec); return nil } catch { return error.message }
        }
        #expect(message("d") == "Unknown format code 'd' for object of type 'float'")
        #expect(message(".") == "Format specifier missing precision")
        #expect(message("1.2.3") == "Invalid format specifier '1.2.3' for object of type 'float'")
        #expect(message(",,") == "Cannot specify ',' with ','.")
        #expect(message("_,") == "Cannot specify both ',' and '_'.")
        #expect(message("n_") == "Invalid format specifier 'n_' for object of type 'float'")
        #expect(message(".99999999999999999999") == "Too many decimal digits in format string")
        #expect(message("c") == "Unknown format code 'c' for object of type 'float'")
        #expect(message(".2r") == "Unknown format code 'r' for object of type 'float'")
    }
}
