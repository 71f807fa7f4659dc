import Testing
@testable import PythonEngine

@Suite struct LexerTests {
    func kinds(_ s: String) throws -> [Token.Kind] { try Lexer.tokenize(s).map(\.kind) }

    @Test func indentAndDedent() throws {
        let k = try kinds("if x:\n    y\nz\n")
        #expect(k == [.name, .name, .op, .newline, .indent, .name, .newline, .dedent, .name, .newline, .endMarker])
    }

    @Test func blankAndCommentLinesDoNotChangeIndentation() throws {
        let k = try kinds("if x:\n    y\n\n  # note\nz\n")
        #expect(k.filter { $0 == .dedent }.count == 1)
        #expect(!k.contains(.indent) || k.filter { $0 == .indent }.count == 1)
    }

    @Test func implicitJoiningAndContinuation() throws {
        let toks = try Lexer.tokenize("x = (1,\n     2)\ny = 1 + \\\n  2\n")
        #expect(toks.filter { $0.kind == .newline }.count == 2)
    }

    @Test func stringForms() throws {
        let toks = try Lexer.tokenize("a = r'\\n' + b\"x\" + f'{y!r:>4}' + '''t\nq'''\n")
        let strings = toks.filter { $0.kind == .string }
        #expect(strings.map(\.prefix) == ["r", "b", "f", ""])
        #expect(strings[3].text == "t\nq")
    }

    @Test func numbers() throws {
        let toks = try Lexer.tokenize("1_000 0x_ff 0o17 0b101 1.5e-3 2j .5\n")
        #expect(toks.filter { $0.kind == .number }.map(\.text) == ["1_000", "0x_ff", "0o17", "0b101", "1.5e-3", "2j", ".5"])
    }

    @Test func tabError() {
        #expect(throws: PythonSyntaxError("inconsistent use of tabs and spaces in indentation", line: 3, column: 1, typeName: "TabError")) {
            try Lexer.tokenize("if 1:\n\tx\n        y\n")
        }
    }

    @Test func tooManyParentheses() {
        let src = "x = " + String(repeating: "(", count: 201) + String(repeating: ")", count: 201)
        #expect(throws: PythonSyntaxError.self) { try Lexer.tokenize(src) }
    }
}
