import Testing
@testable import PythonEngine

/// Runtime errors: the final traceback line CPython 3.11 prints.
@Suite struct RuntimeErrorTests {
    static let cases: [(String, String)] = [
        ("print(undefined)", "NameError: name 'undefined' is not defined"),
        ("1 / 0", "ZeroDivisionError: division by zero"),
        ("1 // 0", "ZeroDivisionError: integer division or modulo by zero"),
        ("1.0 / 0", "ZeroDivisionError: float division by zero"),
        ("[1][5]", "IndexError: list index out of range"),
        ("{'a': 1}['b']", "KeyError: 'b'"),
        ("'abc'.foo()", "AttributeError: 'str' object has no attribute 'foo'"),
        ("int('xyz')", "ValueError: invalid literal for int() with base 10: 'xyz'"),
        ("1 + 'a'", "TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
        ("'a' + 1", "TypeError: can only concatenate str (not \"int\") to str"),
        ("def f(a, b): pass\nf(1)", "TypeError: f() missing 1 required positional argument: 'b'"),
        ("def f(a): pass\nf(1, 2)", "TypeError: f() takes 1 positional argument but 2 were given"),
        ("def f(): pass\nf(x=1)", "TypeError: f() got an unexpected keyword argument 'x'"),
        ("def f():\n    x = x + 1\nf()", "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value"),
        ("a, b = [1, 2, 3]", "ValueError: too many values to unpack (expected 2)"),
        ("a, b, c = [1, 2]", "ValueError: not enough values to unpack (expected 3, got 2)"),
        ("len(5)", "TypeError: object of type 'int' has no len()"),
        ("for x in 5: pass", "TypeError: 'int' object is not iterable"),
        ("None()", "TypeError: 'NoneType' object is not callable"),
        ("[1, 'a'].sort()", "TypeError: '<' not supported between instances of 'str' and 'int'"),
        ("assert 1 == 2, 'nope'", "AssertionError: nope"),
        ("class E(Exception): pass\nraise E('x')", "E: x"),
        ("input()", "EOFError: EOF when reading a line"),
        ("import nosuchmodule", "ModuleNotFoundError: No module named 'nosuchmodule'"),
        ("[].pop()", "IndexError: pop from empty list"),
        ("def r(n): return r(n + 1)\nr(0)", "RecursionError: maximum recursion depth exceeded"),
        ("hash([])", "TypeError: unhashable type: 'list'"),
        ("import os\nos.system('ls')", "PermissionError: os.system() is not allowed in the grader's sandbox"),
        ("open('f.txt', 'w')", "PermissionError: opening files for writing is not allowed in the grader's sandbox"),
        ("import subprocess", "PermissionError: importing 'subprocess' is not allowed in the grader's sandbox"),
    ]

    @Test(arguments: 0..<cases.count)
    func lastLine(_ index: Int) {
        let (source, expected) = Self.cases[index]
        let run = EngineRun(source + "\n")
        #expect(run.lastErrorLine == expected, "source: \(source)\nstderr: \(run.stderr)")
        #expect(run.outcome.exitStatus == 1)
    }

    @Test func tracebackShape() {
        let run = EngineRun("def f(x):\n    return g(x) + 1\ndef g(y):\n    return y / 0\nprint('start')\nf(3)\n", fileName: "/tmp/e1.py")
        #expect(run.stdout == "start\n")
        #expect(run.stderr == """
        Traceback (most recent call last):
          File "/tmp/e1.py", line 6, in <module>
            f(3)
          File "/tmp/e1.py", line 2, in f
            return g(x) + 1
                   ^^^^
          File "/tmp/e1.py", line 4, in g
            return y / 0
                   ~~^~~
        ZeroDivisionError: division by zero

        """)
    }

    @Test func chainedExceptions() {
        let run = EngineRun("try:\n    raise ValueError('bad')\nexcept ValueError as e:\n    raise RuntimeError('wrapped') from e\n", fileName: "/tmp/c.py")
        #expect(run.stderr == """
        Traceback (most recent call last):
          File "/tmp/c.py", line 2, in <module>
            raise ValueError('bad')
        ValueError: bad

        The above exception was the direct cause of the following exception:

        Traceback (most recent call last):
          File "/tmp/c.py", line 4, in <module>
            raise RuntimeError('wrapped') from e
        RuntimeError: wrapped

        """)
    }

    @Test func deepRecursionFoldsRepeatedFrames() {
        let run = EngineRun("def r(n):\n    return r(n + 1)\nr(0)\n", fileName: "/tmp/r.py")
        #expect(run.stderr.contains("  [Previous line repeated 996 more times]\n"))
    }
}
