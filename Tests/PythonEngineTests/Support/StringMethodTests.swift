import Testing
@testable import PythonEngine

/// str methods against CPython 3.11: each row of StringMethodTableData names a method, its
/// arguments and CPython's result, in the encoding the generator documents.
@Suite struct StringMethodTests {
    private static let none = "\u{18}"

    private static func encode(_ list: [String]) -> String { "[" + list.joined(separator: "\u{1e}") }
    private static func encode(_ b: Bool) -> String { b ? "True" : "False" }
    private static func optional(_ field: Substring) -> String? { field == none ? nil : String(field) }
    private static func optionalInt(_ field: Substring) -> Int? { field == none ? nil : Int(field) }

    /// Runs one row's method; the result in the table's encoding.
    private static func run(_ f: [Substring]) throws -> String? {
        let s = String(f[1])
        switch f[0] {
        case "split": return encode(try PyStr.split(s, sep: optional(f[2]), maxsplit: Int(f[3]) ?? -1))
        case "rsplit": return encode(try PyStr.rsplit(s, sep: optional(f[2]), maxsplit: Int(f[3]) ?? -1))
        case "splitlines": return encode(PyStr.splitlines(s, keepends: f[2] == "True"))
        case "strip": return PyStr.strip(s, optional(f[2]))
        case "lstrip": return PyStr.lstrip(s, optional(f[2]))
        case "rstrip": return PyStr.rstrip(s, optional(f[2]))
        case "upper": return PyStr.upper(s)
        case "lower": return PyStr.lower(s)
        case "title": return PyStr.title(s)
        case "capitalize": return PyStr.capitalize(s)
        case "swapcase": return PyStr.swapcase(s)
        case "casefold": return PyStr.casefold(s)
        case "isdigit": return encode(PyStr.isdigit(s))
        case "isdecimal": return encode(PyStr.isdecimal(s))
        case "isnumeric": return encode(PyStr.isnumeric(s))
        case "isalpha": return encode(PyStr.isalpha(s))
        case "isalnum": return encode(PyStr.isalnum(s))
        case "isspace": return encode(PyStr.isspace(s))
        case "isupper": return encode(PyStr.isupper(s))
        case "islower": return encode(PyStr.islower(s))
        case "istitle": return encode(PyStr.istitle(s))
        case "isidentifier": return encode(PyStr.isidentifier(s))
        case "isprintable": return encode(PyStr.isprintable(s))
        case "isascii": return encode(PyStr.isascii(s))
        case "repr": return pythonStringRepr(s)
        case "ascii": return pythonAsciiRepr(s)
        case "center": return try PyStr.center(s, Int(f[2]) ?? 0, fill: String(f[3]))
        case "ljust": return try PyStr.ljust(s, Int(f[2]) ?? 0, fill: String(f[3]))
        case "rjust": return try PyStr.rjust(s, Int(f[2]) ?? 0, fill: String(f[3]))
        case "zfill": return try PyStr.zfill(s, Int(f[2]) ?? 0)
        case "expandtabs": return try PyStr.expandtabs(s, tabsize: Int(f[2]) ?? 8)
        case "find": return String(PyStr.find(s, String(f[2]), start: optionalInt(f[3]), end: optionalInt(f[4])))
        case "rfind": return String(PyStr.rfind(s, String(f[2]), start: optionalInt(f[3]), end: optionalInt(f[4])))
        case "count": return String(PyStr.count(s, String(f[2]), start: optionalInt(f[3]), end: optionalInt(f[4])))
        case "startswith": return encode(PyStr.startswith(s, [String(f[2])], start: optionalInt(f[3]), end: optionalInt(f[4])))
        case "endswith": return encode(PyStr.endswith(s, [String(f[2])], start: optionalInt(f[3]), end: optionalInt(f[4])))
        case "replace": return try PyStr.replace(s, String(f[2]), String(f[3]), count: Int(f[4]) ?? -1)
        case "partition":
            let (a, b, c) = try PyStr.partition(s, String(f[2]))
            return encode([a, b, c])
        case "rpartition":
            let (a, b, c) = try PyStr.rpartition(s, String(f[2]))
            return encode([a, b, c])
        default: return nil
        }
    }

    @Test func tableMatchesCPython() throws {
        let rows = StringMethodTableData.rows.split(separator: "\u{1d}", omittingEmptySubsequences: false)
            .map { $0.first == "\n" ? $0.dropFirst() : $0 }.filter { !$0.isEmpty }
        #expect(rows.count > 10_000)
        var failures = 0
        for row in rows {
            let fields = row.split(separator: "\u{1f}", omittingEmptySubsequences: false)
            let expected = String(fields[fields.count - 1])
            guard let got = try Self.run(fields) else {
                Issue.record("unknown method in row: \(fields[0])")
                continue
            }
            if got != expected {
                failures += 1
                if failures <= 25 {
                    Issue.record("\(fields[0]) \(fields.dropFirst().dropLast().map { pythonStringRepr(String($0)) }): got \(pythonStringRepr(got)), CPython \(pythonStringRepr(expected))")
                }
            }
        }
        #expect(failures == 0)
    }

    // python3 -c "print(len('e\u0301'), 'a'.center(4), ''.split(), 'abc'.replace('', '-', 2))"
    @Test func codePointsNotGraphemes() {
        #expect(PyStr.length("e\u{301}") == 2)
        #expect(PyStr.upper("e\u{301}") == "E\u{301}")
        #expect(PyStr.find("e\u{301}x", "x") == 2)
    }

    // python3 -c "'a'.center(3, 'ab')" ; python3 -c "'a'.split('')" ; python3 -c "'a'.index('b')"
    @Test func errors() {
        #expect(throws: SupportError.typeError("The fill character must be exactly one character long")) {
            try PyStr.center("a", 3, fill: "ab")
        }
        #expect(throws: SupportError.valueError("empty separator")) { try PyStr.split("a", sep: "") }
        #expect(throws: SupportError.valueError("empty separator")) { try PyStr.rpartition("a", "") }
        #expect(throws: SupportError.valueError("substring not found")) { try PyStr.index("a", "b") }
        #expect(throws: SupportError.valueError("substring not found")) { try PyStr.rindex("a", "b", start: 1) }
        #expect(PyStr.startswith("hello", ["x", "he"]))
        #expect(!PyStr.endswith("hello", ["x", "he"]))
    }

    // python3 -c "for c in [0x1FAE8, 0xA0, 0x378, 0xE9, 0xE000, 0x10FFFF, 0x20, 0x7F, 0x200B, 0x1F600, 0x4E2D,
    //   0xAD, 0x2028, 0xFEFF, 0x1FAE0]: print(hex(c), chr(c).isprintable(), repr(chr(c)))"
    @Test func printableFollowsPython311Tables() {
        let cases: [(UInt32, Bool, String)] = [
            (0x1FAE8, false, "'\\U0001fae8'"), (0xA0, false, "'\\xa0'"), (0x378, false, "'\\u0378'"), (0xE9, true, "'\u{e9}'"),
            (0xE000, false, "'\\ue000'"), (0x10FFFF, false, "'\\U0010ffff'"), (0x20, true, "' '"), (0x7F, false, "'\\x7f'"),
            (0x200B, false, "'\\u200b'"), (0x1F600, true, "'\u{1f600}'"), (0x4E2D, true, "'\u{4e2d}'"), (0xAD, false, "'\\xad'"),
            (0x2028, false, "'\\u2028'"), (0xFEFF, false, "'\\ufeff'"), (0x1FAE0, true, "'\u{1fae0}'"),
        ]
        for (code, printable, repr) in cases {
            guard let scalar = Unicode.Scalar(code) else { continue }
            #expect(isPythonPrintable(scalar) == printable, "U+\(String(code, radix: 16))")
            #expect(pythonStringRepr(String(Character(scalar))) == repr, "U+\(String(code, radix: 16))")
        }
    }

    // Where Swift's newer Unicode data disagrees with CPython 3.11's Unicode 14.0:
    // python3 -c "for c in ['\u4e24', '\u1c89', '\u019b', '\u0295', '\ua7cb', '\U0001fae8']:
    //   print(hex(ord(c)), c.isnumeric(), c.isalpha(), c.isupper(), c.islower(), c.upper() == c, c.lower() == c, c.isidentifier())"
    @Test func unicodeDataFollowsPython311() {
        let cases: [(String, Bool, Bool, Bool, Bool, Bool)] = [   // isnumeric, isalpha, isupper, islower, isidentifier
            ("\u{4e24}", false, true, false, false, true),
            ("\u{1c89}", false, false, false, false, false),
            ("\u{19b}", false, true, false, true, true),
            ("\u{295}", false, true, false, true, true),
            ("\u{a7cb}", false, false, false, false, false),
            ("\u{1fae8}", false, false, false, false, false),
        ]
        for (s, numeric, alpha, upper, lower, identifier) in cases {
            #expect(PyStr.isnumeric(s) == numeric, "\(pythonAsciiRepr(s))")
            #expect(PyStr.isalpha(s) == alpha, "\(pythonAsciiRepr(s))")
            #expect(PyStr.isupper(s) == upper, "\(pythonAsciiRepr(s))")
            #expect(PyStr.islower(s) == lower, "\(pythonAsciiRepr(s))")
            #expect(PyStr.isidentifier(s) == identifier, "\(pythonAsciiRepr(s))")
            #expect(PyStr.upper(s) == s && PyStr.lower(s) == s, "\(pythonAsciiRepr(s))")
        }
    }

    // python3 -c "print(repr(b'a\'b\x00\xff\n'), repr(b'\"'), repr(b''))"
    @Test func bytesRepr() {
        #expect(pythonBytesRepr(Array("a'b".utf8) + [0, 255, 10]) == "b\"a'b\\x00\\xff\\n\"")
        #expect(pythonBytesRepr([34]) == "b'\"'")
        #expect(pythonBytesRepr([]) == "b''")
        #expect(pythonBytesRepr([39, 34, 92, 9, 13, 127]) == "b'\\'\"\\\\\\t\\r\\x7f'")
    }
}
