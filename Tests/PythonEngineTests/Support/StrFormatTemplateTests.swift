import BigInt
import Testing
@testable import PythonEngine

/// `str.format` templates against CPython 3.11 (rows printed by the python3 script kept at the
/// end of this file), driven through a tiny stand-in for engine values.
@Suite struct StrFormatTemplateTests {
    indirect enum Value: Sendable {
        case int(Int), str(String), list([Value]), dict([String: Value]), object
    }

    /// An engine-side exception as the row records it ("KeyError: 'a'").
    struct PyException: Error, CustomStringConvertible { let description: String }

    static func typeName(_ v: Value) -> String {
        switch v {
        case .int: return "int"
        case .str: return "str"
        case .list: return "list"
        case .dict: return "dict"
        case .object: return "A"
        }
    }

    static func str(_ v: Value) -> String {
        switch v {
        case .int(let n): return String(n)
        case .str(let s): return s
        case .object: return "A()"
        case .list(let items): return "[" + items.map(repr).joined(separator: ", ") + "]"
        case .dict(let d): return "{" + d.map { pythonStringRepr($0.key) + ": " + repr($0.value) }.joined(separator: ", ") + "}"
        }
    }

    static func repr(_ v: Value) -> String {
        if case .str(let s) = v { return pythonStringRepr(s) }
        return str(v)
    }

    static func access(_ args: [Value]) -> StrFormatAccess<Value> {
        StrFormatAccess<Value>(
            positionalCount: args.count,
            positional: { args[$0] },
            keyword: { throw PyException(description: "KeyError: " + pythonStringRepr($0)) },
            attribute: { v, name in
                if case .object = v, name == "x" { return .int(5) }
                throw PyException(description: "AttributeError: '\(typeName(v))' object has no attribute '\(name)'")
            },
            index: { v, i in
                switch v {
                case .list(let items):
                    guard i < items.count else { throw PyException(description: "IndexError: list index out of range") }
                    return items[i]
                case .dict(let d):
                    guard let x = d[String(i)] else { throw PyException(description: "KeyError: \(i)") }
                    return x
                default: throw PyException(description: "TypeError: '\(typeName(v))' object is not subscriptable")
                }
            },
            key: { v, k in
                switch v {
                case .dict(let d):
                    guard let x = d[k] else { throw PyException(description: "KeyError: " + pythonStringRepr(k)) }
                    return x
                case .list: throw PyException(description: "TypeError: list indices must be integers or slices, not str")
                default: throw PyException(description: "TypeError: '\(typeName(v))' object is not subscriptable")
                }
            },
            convert: { v, c in
                switch c {
                case "r": return .str(repr(v))
                case "a": return .str(pythonAsciiRepr(str(v)))
                default: return .str(str(v))
                }
            },
            format: { v, spec in
                switch v {
                case .int(let n): return try formatInteger(BigInt(n), spec: spec)
                case .str(let s): return try formatText(s, spec: spec)
                default:
                    if spec.isEmpty { return str(v) }
                    throw PyException(description: "TypeError: unsupported format string passed to \(typeName(v)).__format__")
                }
            })
    }

    static func run(_ template: String, _ args: [Value]) -> String {
        do {
            return try pythonStrFormat(template, access(args))
        } catch let error as SupportError {
            return "!" + error.description
        } catch {
            return "!\(error)"
        }
    }

    static let cases: [(String, [Value], String)] = [
        ("{", [], "!ValueError: Single '{' encountered in format string"),
        ("}", [], "!ValueError: Single '}' encountered in format string"),
        ("{0", [.int(1)], "!ValueError: expected '}' before end of string"),
        ("{0!}", [.int(1)], "!ValueError: unmatched '{' in format spec"),
        ("{0!x}", [.int(1)], "!ValueError: Unknown conversion specifier x"),
        ("{0!rr}", [.int(1)], "!ValueError: expected ':' after conversion specifier"),
        ("{0[}", [.int(1)], "!ValueError: expected '}' before end of string"),
        ("{0.}", [.object], "!ValueError: Empty attribute in format string"),
        ("{0[]}", [.list([.int(1)])], "!ValueError: Empty attribute in format string"),
        ("{0x}", [.int(1)], "!KeyError: '0x'"),
        ("{0.x[0]y}", [.object], "!TypeError: 'int' object is not subscriptable"),
        ("{0[0]y}", [.list([.int(1)])], "!ValueError: Only '.' or '[' may follow ']' in format field specifier"),
        ("{}{1}", [.int(1), .int(2)], "!ValueError: cannot switch from automatic field numbering to manual field specification"),
        ("{1}{}", [.int(1), .int(2)], "!ValueError: cannot switch from manual field specification to automatic field numbering"),
        ("{2}", [.int(1)], "!IndexError: Replacement index 2 out of range for positional args tuple"),
        ("{:{:{}}}", [.int(1), .int(2), .int(3)], "!ValueError: Max string recursion exceeded"),
        ("{:{}}", [.int(1), .int(5)], "    1"),
        ("{a}", [], "!KeyError: 'a'"),
        ("{0[a]}", [.dict(["a": .int(1)])], "1"),
        ("{0[0]}", [.list([.int(7)])], "7"),
        ("{0[-1]}", [.dict(["-1": .int(3)])], "3"),
        ("{0.x}", [.object], "5"),
        ("a{{b}}c", [], "a{b}c"),
        ("{!r}", [.str("x")], "'x'"),
        ("{0:}", [.int(3)], "3"),
        ("{0!r:>5}", [.str("x")], "  'x'"),
        ("{:{}{}}", [.int(1), .str(">"), .int(5)], "    1"),
        ("{0[1}", [.list([.int(1), .int(2)])], "!ValueError: expected '}' before end of string"),
        ("{0]}", [.int(1)], "!KeyError: '0]'"),
        ("{ 0}", [.int(1)], "!KeyError: ' 0'"),
        ("{0 }", [.int(1)], "!KeyError: '0 '"),
        ("{-1}", [.int(1)], "!KeyError: '-1'"),
        ("{0.x.y}", [.object], "!AttributeError: 'int' object has no attribute 'y'"),
        ("{:d}", [.str("s")], "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("{0:{1}}", [.int(3), .str(">4")], "   3"),
        ("x}y", [], "!ValueError: Single '}' encountered in format string"),
        ("{}", [], "!IndexError: Replacement index 0 out of range for positional args tuple"),
        ("{0:{a}}", [.int(1)], "!KeyError: 'a'"),
        ("{:}}", [.int(1)], "!ValueError: Single '}' encountered in format string"),
        ("{:{}}}", [.int(1), .int(2)], "!ValueError: Single '}' encountered in format string"),
        ("{0[a.b]}", [.dict(["a.b": .int(1)])], "1"),
        ("{0!s:{1}}", [.int(1), .int(5)], "1    "),
        ("{!}", [.int(1)], "!ValueError: unmatched '{' in format spec"),
        ("{:!}", [.int(1)], "!ValueError: Unknown format code '!' for object of type 'int'"),
        ("{0!r }", [.int(1)], "!ValueError: expected ':' after conversion specifier"),
        ("{0:{}}", [.int(1), .int(2)], "!ValueError: cannot switch from manual field specification to automatic field numbering"),
        ("{}{}", [.int(1)], "!IndexError: Replacement index 1 out of range for positional args tuple"),
        ("{a{b}", [.int(1)], "!ValueError: unexpected '{' in field name"),
        ("{0!", [.int(1)], "!ValueError: end of string while looking for conversion specifier"),
        ("{0!r", [.int(1)], "!ValueError: unmatched '{' in format spec"),
        ("{0:", [.int(1)], "!ValueError: unmatched '{' in format spec"),
        ("{{}}", [], "{}"),
        ("{{{0}}}", [.int(1)], "{1}"),
        ("}}{{", [], "}{"),
        ("{0}{0}{1}", [.str("a"), .str("b")], "aab"),
        ("{0[0][1]}", [.list([.list([.int(1), .int(2)])])], "2"),
        ("{0!a}", [.str("\u{e9}")], "'\\xe9'"),
        ("{0:^9}", [.str("mid")], "   mid   "),
        ("{:>{}.{}f}", [.int(3), .int(8), .int(2)], "    3.00"),
        ("{0!r:}", [.str("q")], "'q'"),
        ("{0.x!r}", [.object], "5"),
        ("{0[\u{661}]}", [.list([.int(1), .int(2)])], "2"),
        ("{\u{661}}", [.int(1), .int(2)], "2"),
        ("{0.x:{1}}", [.object, .str("03")], "005"),
        ("{99999999999999999999}", [.int(1)], "!ValueError: Too many decimal digits in format string"),
        ("{0[99999999999999999999]}", [.list([.int(1)])], "!ValueError: Too many decimal digits in format string"),
    ]

    @Test func matchesCPython() {
        for (template, args, expected) in Self.cases {
            #expect(Self.run(template, args) == expected, "\(template)")
        }
    }

    @Test func scannerPieces() throws {
        var scanner = FormatTemplateScanner("a{{b{0.x[1]!r:>{w}}c}}")
        var pieces: [FormatTemplatePiece] = []
        while let piece = try scanner.next() { pieces.append(piece) }
        #expect(pieces == [
            .literal("a{"), .literal("b"),
            .field(FormatField(name: "0.x[1]", conversion: "r", spec: ">{w}", specNeedsExpanding: true)),
            .literal("c}"),
        ])
    }

    // python3 -c "print('{}'.format_map({}))" -> ValueError: Format string contains positional fields
    @Test func formatMapHasNoPositionals() {
        var a = Self.access([])
        a.positionalCount = nil
        #expect(throws: SupportError.valueError("Format string contains positional fields")) {
            try pythonStrFormat("{}", a)
        }
    }
}

// The generator (python3 3.11):
// # Prints Swift rows (template, positional args, CPython 3.11's result or "!Kind: message").
// class A:
//     x = 5
//     def __repr__(self): return 'A()'
// def sw(v):
//     if isinstance(v, bool): raise ValueError(v)
//     if isinstance(v, int): return '.int(%d)' % v
//     if isinstance(v, str): return '.str(%s)' % lit(v)
//     if isinstance(v, list): return '.list([%s])' % ', '.join(sw(x) for x in v)
//     if isinstance(v, dict): return '.dict([%s])' % (', '.join('%s: %s' % (lit(k), sw(x)) for k, x in v.items()) or ':')
//     if isinstance(v, A): return '.object'
//     raise ValueError(v)
// def lit(s):
//     out = ''
//     for ch in s:
//         if ch in '\\"': out += '\\' + ch
//         elif ord(ch) < 32 or ord(ch) > 126: out += '\\u{%x}' % ord(ch)
//         else: out += ch
//     return '"' + out + '"'
// a = A()
// tests = [('{', ()), ('}', ()), ('{0', (1,)), ('{0!}', (1,)), ('{0!x}', (1,)), ('{0!rr}', (1,)), ('{0[}', (1,)), ('{0.}', (a,)), ('{0[]}', ([1],)),
//          ('{0x}', (1,)), ('{0.x[0]y}', (a,)), ('{0[0]y}', ([1],)), ('{}{1}', (1, 2)), ('{1}{}', (1, 2)), ('{2}', (1,)), ('{:{:{}}}', (1, 2, 3)), ('{:{}}', (1, 5)),
//          ('{a}', ()), ('{0[a]}', ({'a': 1},)), ('{0[0]}', ([7],)), ('{0[-1]}', ({'-1': 3},)), ('{0.x}', (a,)), ('a{{b}}c', ()), ('{!r}', ('x',)),
//          ('{0:}', (3,)), ('{0!r:>5}', ('x',)), ('{:{}{}}', (1, '>', 5)), ('{0[1}', ([1, 2],)), ('{0]}', (1,)), ('{ 0}', (1,)), ('{0 }', (1,)),
//          ('{-1}', (1,)), ('{0.x.y}', (a,)), ('{:d}', ('s',)), ('{0:{1}}', (3, '>4')), ('x}y', ()), ('{}', ()), ('{0:{a}}', (1,)), ('{:}}', (1,)),
//          ('{:{}}}', (1, 2)), ('{0[a.b]}', ({'a.b': 1},)), ('{0!s:{1}}', (1, 5)), ('{!}', (1,)), ('{:!}', (1,)), ('{0!r }', (1,)), ('{0:{}}', (1, 2)),
//          ('{}{}', (1,)), ('{a{b}', (1,)), ('{0!', (1,)), ('{0!r', (1,)), ('{0:', (1,)), ('{{}}', ()), ('{{{0}}}', (1,)), ('}}{{', ()), ('{0}{0}{1}', ('a', 'b')),
//          ('{0[0][1]}', ([[1, 2]],)), ('{0!a}', ('é',)), ('{0:^9}', ('mid',)), ('{:>{}.{}f}', (3.14159 if False else 3, 8, 2)), ('{0!r:}', ('q',)), ('{0.x!r}', (a,)),
//          ('{0[١]}', ([1, 2],)), ('{١}', (1, 2)), ('{0.x:{1}}', (a, '03')), ('{99999999999999999999}', (1,)), ('{0[99999999999999999999]}', ([1],))]
// for t, args in tests:
//     try: r = lit(t.format(*args))
//     except KeyError as e: r = lit('!KeyError: ' + repr(e.args[0]))
//     except Exception as e: r = lit('!' + type(e).__name__ + ': ' + str(e))
//     print('        (%s, [%s], %s),' % (lit(t), ', '.join(sw(x) for x in args), r))
