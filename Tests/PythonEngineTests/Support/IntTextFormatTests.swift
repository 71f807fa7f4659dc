import BigInt
import Testing
@testable import PythonEngine

/// format(int, spec) and format(str, spec) against CPython 3.11 (IntTextFormatTestData.swift).
@Suite struct IntTextFormatTests {
    private static func rows(_ table: String) -> [[Substring]] {
        table.split(separator: "\n").map { $0.split(separator: "\u{1f}", omittingEmptySubsequences: false) }
    }

    /// The formatted text, or "!Kind: message" for an error, as the table records it.
    private static func outcome(_ body: () throws(SupportError) -> String) -> String {
        do { return try body() } catch { return "!" + error.description }
    }

    @Test func integersMatchCPython() {
        for row in Self.rows(IntTextFormatData.integers) {
            let value = BigInt(String(row[0])) ?? 0
            let got = Self.outcome { () throws(SupportError) in try formatInteger(value, spec: String(row[1])) }
            #expect(got == String(row[2]), "format(\(row[0]), '\(row[1])')")
        }
    }

    @Test func textsMatchCPython() {
        for row in Self.rows(IntTextFormatData.texts) {
            let got = Self.outcome { () throws(SupportError) in try formatText(String(row[0]), spec: String(row[1])) }
            #expect(got == String(row[2]), "format('\(row[0])', '\(row[1])')")
        }
    }

    // Messages from python3 -c "format(1, '.2')" and friends.
    @Test func integerErrors() {
        func message(_ v: BigInt, _ spec: String, _ typeName: String = "int") -> String? {
            do { _ = try formatInteger(v, spec: spec, typeName: typeName); return nil } catch { return error.description }
        }
        #expect(message(1, "s") == "ValueError: Unknown format code 's' for object of type 'int'")
        #expect(message(1, "s", "bool") == "ValueError: Unknown format code 's' for object of type 'bool'")
        #expect(message(1, ".2") == "ValueError: Precision not allowed in integer format specifier")
        #expect(message(1, "x,") == "ValueError: Invalid format specifier 'x,' for object of type 'int'")
        #expect(message(1, ",x") == "ValueError: Cannot specify ',' with 'x'.")
        #expect(message(1, "z") == "ValueError: Negative zero coercion (z) not allowed in integer format specifier")
        #expect(message(1, "+c") == "ValueError: Sign not allowed with integer format specifier 'c'")
        #expect(message(1, "#c") == "ValueError: Alternate form (#) not allowed with integer format specifier 'c'")
        #expect(message(-1, "c") == "OverflowError: %c arg not in range(0x110000)")
        #expect(message(1, "=5s") == "ValueError: Unknown format code 's' for object of type 'int'")
        #expect(message(BigInt(10).power(400), "f") == "OverflowError: int too large to convert to float")
        #expect(message(BigInt(10).power(5000), "d")?.hasPrefix("ValueError: Exceeds the limit (4300 digits)") == true)
        #expect(message(BigInt(10).power(5000), "x") == nil)
    }

    // python3 -c "print(repr(format(1, '\u0661\u0660')), repr(format(1.5, '.\u0662f')))"
    @Test func unicodeDigitsInWidthAndPrecision() throws {
        #expect(try formatInteger(1, spec: "\u{661}\u{660}") == "         1")
        #expect(try formatFloat(1.5, spec: ".\u{662}f") == "1.50")
    }

    @Test func textErrors() {
        func message(_ spec: String) -> String? {
            do { _ = try formatText("a", spec: spec); return nil } catch { return error.message }
        }
        #expect(message("+") == "Sign not allowed in string format specifier")
        #expect(message(" ") == "Space not allowed in string format specifier")
        #expect(message(",") == "Cannot specify ',' with 's'.")
        #expect(message("=5") == "'=' alignment not allowed in string format specifier")
        #expect(message("#") == "Alternate form (#) not allowed in string format specifier")
        #expect(message("z5") == "Negative zero coercion (z) not allowed in string format specifier")
        #expect(message("d") == "Unknown format code 'd' for object of type 'str'")
    }
}
