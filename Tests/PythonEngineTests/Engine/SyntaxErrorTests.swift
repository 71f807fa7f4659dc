import Testing
@testable import PythonEngine

/// Each case: source and the last stderr line CPython 3.11 prints for it.
@Suite struct SyntaxErrorTests {
    static let cases: [(String, String)] = [
        ("if x\n  pass\n", "SyntaxError: expected ':'"),
        ("x = [1 2]\n", "SyntaxError: invalid syntax. Perhaps you forgot a comma?"),
        ("print(“hi”)\n", "SyntaxError: invalid character '“' (U+201C)"),
        ("print(\"a)\n", "SyntaxError: unterminated string literal (detected at line 1)"),
        ("s = '''abc\n", "SyntaxError: unterminated triple-quoted string literal (detected at line 1)"),
        ("x = (1,\ny = 2\n", "SyntaxError: '(' was never closed"),
        ("def f(:\n", "SyntaxError: invalid syntax"),
        ("with x as y:\npass\n", "IndentationError: expected an indented block after 'with' statement on line 1"),
        ("def f():\nreturn 1\n", "IndentationError: expected an indented block after function definition on line 1"),
        (" x = 1\n", "IndentationError: unexpected indent"),
        ("if 1:\n    a\n  b\n", "IndentationError: unindent does not match any outer indentation level"),
        ("x = )\n", "SyntaxError: unmatched ')'"),
        ("x = (]\n", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('"),
        ("print \"hi\"\n", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?"),
        ("f() = 1\n", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?"),
        ("None = 1\n", "SyntaxError: cannot assign to None"),
        ("return\n", "SyntaxError: 'return' outside function"),
        ("break\n", "SyntaxError: 'break' outside loop"),
        ("x = 08\n", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
        ("x = 1abc\n", "SyntaxError: invalid decimal literal"),
        ("if x = 1: pass\n", "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?"),
        ("f(a=1, 2)\n", "SyntaxError: positional argument follows keyword argument"),
        ("def f(a=1, b): pass\n", "SyntaxError: non-default argument follows default argument"),
        ("f\"{}\"\n", "SyntaxError: f-string: empty expression not allowed"),
        ("try:\n  pass\n", "SyntaxError: expected 'except' or 'finally' block"),
        ("x = {1:2, 3}\n", "SyntaxError: ':' expected after dictionary key"),
        ("a, b += 1\n", "SyntaxError: 'tuple' is an illegal expression for augmented assignment"),
        ("def f(a, a): pass\n", "SyntaxError: duplicate argument 'a' in function definition"),
        ("while True print(1)\n", "SyntaxError: invalid syntax"),
        ("def f(**k, a): pass\n", "SyntaxError: arguments cannot follow var-keyword argument"),
        ("def f():\n    nonlocal q\n", "SyntaxError: no binding for nonlocal 'q' found"),
        ("[a, *b, *c] = [1, 2]\n", "SyntaxError: multiple starred expressions in assignment"),
        ("def f(a, *, **k): pass\n", "SyntaxError: named arguments must follow bare *"),
        ("def g():\n    print((yield 1))\n", "SyntaxError: 'yield inside an expression' is not supported by this Python engine"),
    ]

    @Test(arguments: 0..<cases.count)
    func cpythonMessage(_ index: Int) {
        let (source, expected) = Self.cases[index]
        let run = EngineRun(source)
        #expect(run.lastErrorLine == expected, "source: \(source)")
        #expect(run.outcome.exitStatus == 1)
    }

    @Test func reportShowsFileLineAndCaret() {
        let run = EngineRun("x = 1\nif x\n    pass\n", fileName: "/tmp/p.py")
        #expect(run.stderr == "  File \"/tmp/p.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n")
    }

    @Test func compileWarningsPrintBeforeRunning() {
        let run = EngineRun("x = 1\nprint(x is 1)\nassert (x, 'msg')\n", fileName: "/tmp/w.py")
        #expect(run.stdout == "True\n")
        #expect(run.stderr == """
        /tmp/w.py:2: SyntaxWarning: "is" with a literal. Did you mean "=="?
          print(x is 1)
        /tmp/w.py:3: SyntaxWarning: assertion is always true, perhaps remove parentheses?
          assert (x, 'msg')

        """)
    }

    @Test func unsupportedConstructsAreNamed() {
        #expect(EngineRun("async def f(): pass\n").lastErrorLine == "SyntaxError: 'async' is not supported by this Python engine")
        #expect(EngineRun("match x:\n    case 1: pass\n").lastErrorLine == "SyntaxError: 'match' is not supported by this Python engine")
    }
}
