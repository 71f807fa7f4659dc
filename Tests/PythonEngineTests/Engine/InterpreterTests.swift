import Testing
@testable import PythonEngine

/// Snippet → stdout, with expectations recorded from CPython 3.11.
@Suite struct InterpreterTests {
    static let cases: [(String, String)] = [
        ("print(0.1 + 0.2, 4**4**4 % 1000, 2**100)", "0.30000000000000004 96 1267650600228229401496703205376\n"),
        ("print(round(2.5), round(3.5), divmod(-7, 2), -7 // 2, -7 % 3, 7.5 // 2)", "2 4 (-4, 1) -4 2 3.0\n"),
        ("print(1/3, 1e20, 1e16, 1.5e-7, 2 ** 0.5)", "0.3333333333333333 1e+20 1e+16 1.5e-07 1.4142135623730951\n"),
        ("d = {'a': 1}\nd['b'] = [1, (2,)]\nprint(d, list(d), d.get('z'))", "{'a': 1, 'b': [1, (2,)]} ['a', 'b'] None\n"),
        ("print({1: 'x', 1.0: 'y', True: 'z'})", "{1: 'z'}\n"),
        ("print({100, 5, 37, 8}, set(), frozenset({3}))", "{8, 5, 100, 37} set() frozenset({3})\n"),
        ("a, *b, c = range(5)\nprint(a, b, c)", "0 [1, 2, 3] 4\n"),
        ("x = [1, 2, 3, 4, 5]\nprint(x[::-1], x[1:4:2], x[-2:], 'hello'[1:-1])", "[5, 4, 3, 2, 1] [2, 4] [4, 5] ell\n"),
        ("print(f\"{3.14159:.2f}|{42:>5}|{'s':*^7}|{7!r}|{'q'!r}\")", "3.14|   42|***s***|7|'q'\n"),
        ("x = 5\nprint(f'{x=} {x*2=}')", "x=5 x*2=10\n"),
        ("print('%d %s %5.1f %r %x' % (3, 'x', 2.25, 'q', 255))", "3 x   2.2 'q' ff\n"),
        ("print('{} {:03d} {name}'.format(1, 7, name='n'))", "1 007 n\n"),
        ("def g(n):\n    for i in range(n):\n        yield i * i\nprint(list(g(4)), sum(x for x in range(5)))", "[0, 1, 4, 9] 10\n"),
        ("def g():\n    x = yield 1\n    yield x * 2\nit = g()\nprint(next(it), it.send(5))", "1 10\n"),
        ("def c(*its):\n    for it in its:\n        yield from it\nprint(list(c([1], 'ab')))", "[1, 'a', 'b']\n"),
        ("def g():\n    try:\n        yield 1\n        yield 2\n    finally:\n        print('fin')\nfor v in g():\n    print(v)", "1\n2\nfin\n"),
        ("class A:\n    def __init__(s, v): s.v = v\n    def __repr__(s): return f'A({s.v})'\n    def __lt__(s, o): return s.v < o.v\nprint(sorted([A(2), A(1)]))", "[A(1), A(2)]\n"),
        ("class B:\n    def f(self): return 'B'\nclass C(B):\n    def f(self): return 'C' + super().f()\nprint(C().f(), C.__mro__)", "CB (<class '__main__.C'>, <class '__main__.B'>, <class 'object'>)\n"),
        ("def mk():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\nf = mk(); f(); print(f())", "2\n"),
        ("try:\n    {}['k']\nexcept KeyError as e:\n    print(repr(e), str(e))", "KeyError('k') 'k'\n"),
        ("class Cm:\n    def __enter__(s): print('in'); return s\n    def __exit__(s, *a): print('out', a[0].__name__); return True\nwith Cm():\n    raise ValueError\nprint('after')", "in\nout ValueError\nafter\n"),
        ("for i in range(3):\n    if i == 5: break\nelse:\n    print('else')", "else\n"),
        ("print(isinstance(True, int), type(1), type('a').__name__, [] == [], 1 == 1.0)", "True <class 'int'> str True True\n"),
        ("import random\nrandom.seed(1)\nprint(random.random(), random.randint(1, 10))", "0.13436424411240122 2\n"),
        ("import math\nprint(math.sqrt(16), math.pi, math.factorial(20))", "4.0 3.141592653589793 2432902008176640000\n"),
        ("print(sorted(['b', 'A', 'c'], key=str.lower), max([3, 1, 2], key=lambda v: -v))", "['A', 'b', 'c'] 1\n"),
        ("print(list(zip('ab', [1, 2])), list(enumerate('xy', 1)), list(map(str, [1, 2])))", "[('a', 1), ('b', 2)] [(1, 'x'), (2, 'y')] ['1', '2']\n"),
        ("print(*[1, 2, 3], sep='-', end='!\\n')", "1-2-3!\n"),
        ("print([i * j for i in range(3) for j in range(2) if j], {k: v for k, v in [(1, 2)]})", "[0, 1, 2] {1: 2}\n"),
        ("print((n := 10) + 1, n)", "11 10\n"),
        ("print('a,b,,c'.split(','), ' x '.strip(), 'Hi'.upper(), 'ab'.center(6, '*'))", "['a', 'b', '', 'c'] x HI **ab**\n"),
        ("def g():\n    try:\n        yield 1\n    finally:\n        print('cleanup')\nfor x in g():\n    break\nprint('after')", "cleanup\nafter\n"),
        ("class L(list):\n    def total(self): return sum(self)\nm = L([1, 2])\nm.append(3)\nprint(m, len(m), m.total())", "[1, 2, 3] 3 6\n"),
        ("class A:\n    def __init__(self): self.__x = 1\nprint(A()._A__x)", "1\n"),
        ("class T:\n    def __init__(self): self._v = 0\n    @property\n    def v(self): return self._v\n    @v.setter\n    def v(self, x): self._v = x * 2\nt = T()\nt.v = 4\nprint(t.v)", "8\n"),
        ("import collections\nc = collections.Counter('abracadabra')\nprint(c.most_common(2), c['z'])", "[('a', 5), ('b', 2)] 0\n"),
        ("import itertools\nprint(list(itertools.islice(itertools.count(1, 3), 4)), list(itertools.combinations('abc', 2)))", "[1, 4, 7, 10] [('a', 'b'), ('a', 'c'), ('b', 'c')]\n"),
        ("print('%-6s|%6.2f|%03d|%x' % ('ab', 3.14159, 7, 255))", "ab    |  3.14|007|ff\n"),
        ("import json\nprint(json.dumps({'a': [1, 2.5, None, True], 'b': 'é'}), json.dumps([1], indent=2), json.loads('{\"x\": [1, \"y\"]}'))", "{\"a\": [1, 2.5, null, true], \"b\": \"\\u00e9\"} [\n  1\n] {'x': [1, 'y']}\n"),
        ("from abc import ABC, abstractmethod\nclass S(ABC):\n    @abstractmethod\n    def area(self): pass\ntry:\n    S()\nexcept TypeError as e:\n    print(e)", "Can't instantiate abstract class S with abstract method area\n"),
        ("from dataclasses import dataclass, field\n@dataclass(order=True)\nclass P:\n    x: int\n    y: int = 0\n    tags: list = field(default_factory=list)\nprint(P(1), P(1, 2) < P(2), P(1) == P(1))", "P(x=1, y=0, tags=[]) True True\n"),
        ("print('{:{}}|{:>{w}}'.format(3.14159, '.1f', 'a', w=3))", "3.1|  a\n"),
    ]

    @Test(arguments: 0..<cases.count)
    func matchesCPython(_ index: Int) {
        let (source, expected) = Self.cases[index]
        let run = EngineRun(source + "\n")
        #expect(run.stdout == expected, "source: \(source)\nstderr: \(run.stderr)")
        #expect(run.outcome.exitStatus == 0)
    }

    /// Scoping through local slots: closures, nonlocal over two levels, class bodies and
    /// comprehensions inside functions, walrus, deleted and unbound locals.
    @Test func scopingMatchesCPython() {
        let source = """
def f():
    x = 1
    class K:
        y = x + 1
        def m(self, d=x):
            return x + self.y + d
    fs = [lambda v, i=i: v + i + x for i in range(3)]
    comp = [x + j for j in range(2)]
    gen = list(x * j for j in range(3))
    def g():
        nonlocal x
        x += 10
        return x
    r = g()
    del comp
    try:
        print(comp)
    except UnboundLocalError as e:
        print("ULE", e)
    return K().m(), [h(1) for h in fs], gen, r, x
print(f())
def counter():
    n = 0
    def a():
        def b():
            nonlocal n
            n += 1
            return n
        return b()
    return a
c = counter()
print(c(), c(), c())
def shadow(x):
    def inner():
        return x * 2
    x = x + 1
    return inner()
print(shadow(5))
def walrus():
    data = [1, 5, 9]
    if (n := len(data)) > 2:
        print("n", n)
    return [y for v in data if (y := v * 2) > 4], y
print(walrus())
def unbound():
    print(z)
    z = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)
def star(*args, **kw):
    a, *rest = args
    return a, rest, sorted(kw)
print(star(1, 2, 3, x=1, y=2))
"""
        let run = EngineRun(source)
        #expect(run.stdout == """
ULE cannot access local variable 'comp' where it is not associated with a value
(14, [12, 13, 14], [0, 1, 2], 11, 11)
1 2 3
12
n 3
([10, 18], 18)
cannot access local variable 'z' where it is not associated with a value
(1, [2, 3], ['x', 'y'])

""")
    }

    @Test func cellsShareGlobals() {
        let out = OutputSink(.capture)
        let runtime = PythonRuntime(stdout: out, stderr: OutputSink(.capture))
        _ = runtime.runCell("x = 41\ndef f(): return x + 1\n")
        let outcome = runtime.runCell("print(f())\n")
        #expect(out.capturedText == "42\n")
        #expect(outcome.exitStatus == 0)
    }

    @Test func cellsCanEchoTheirLastExpression() {
        let out = OutputSink(.capture)
        let runtime = PythonRuntime(stdout: out, stderr: OutputSink(.capture))
        _ = runtime.runCell("xs = [i * i for i in range(4)]\nxs", echoLastExpression: true)
        _ = runtime.runCell("print('p')\nNone", echoLastExpression: true)
        _ = runtime.runCell("'text'", echoLastExpression: true)
        #expect(out.capturedText == "[0, 1, 4, 9]\np\n'text'\n")
    }

    @Test func sysExitStatus() {
        #expect(EngineRun("import sys\nsys.exit(3)\n").outcome.exitStatus == 3)
        let msg = EngineRun("import sys\nsys.exit('bye')\n")
        #expect(msg.outcome.exitStatus == 1)
        #expect(msg.stderr == "bye\n")
        #expect(EngineRun("raise SystemExit\n").outcome.exitStatus == 0)
    }

    @Test func parseExposesTheAST() throws {
        let module = try PythonRuntime.parse(source: "from multiprocessing import Pool\nwith Pool(4) as p:\n    print(p.map(f, [1]))\n")
        #expect(module.body.count == 2)
        guard case .importFrom(let name, let names, _) = module.body[0].kind else {
            Issue.record("expected import")
            return
        }
        #expect(name == "multiprocessing")
        #expect(names.map(\.name) == ["Pool"])
    }
}
