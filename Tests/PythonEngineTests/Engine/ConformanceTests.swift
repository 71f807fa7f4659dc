import Testing
@testable import PythonEngine

/// Conformance fixes (builtins, modules, messages, tracebacks) checked against CPython 3.11;
/// every expected string was produced by `python3` on the same snippet.
@Suite struct ConformanceTests {
    static let stdoutCases: [(String, String)] = [
        ("try:\n    list(zip([1], 'ab', [3], strict=True))\nexcept ValueError as e:\n    print(e)\ntry:\n    list(zip([1, 2], [1], [1], strict=True))\nexcept ValueError as e:\n    print(e)",
         "zip() argument 2 is longer than argument 1\nzip() argument 2 is shorter than argument 1\n"),
        ("class P:\n    def __init__(self):\n        self.y = 1\n        self.x = 2\np = P()\nd = vars(p)\nd['z'] = 3\nprint(p.z, p.__dict__ is d, d)\ndel p.x\nprint(vars(p))",
         "3 True {'y': 1, 'x': 2, 'z': 3}\n{'y': 1, 'z': 3}\n"),
        ("class P:\n    def __eq__(self, o): return True\nclass Q(P):\n    __hash__ = object.__hash__\nprint(P.__hash__, Q.__hash__ is not None)\ntry:\n    hash(P())\nexcept TypeError as e:\n    print(e)\nprint(repr(object()).startswith('<object object at 0x'))",
         "None True\nunhashable type: 'P'\nTrue\n"),
        ("class C:\n    @property\n    def p(self): return 1\nfor stmt in ['C().p = 2', 'del C().p', '(1.5).real = 2', '[].append = 1']:\n    try:\n        exec_ = None\n        if stmt == 'C().p = 2': C().p = 2\n        elif stmt == 'del C().p': del C().p\n        elif stmt == '(1.5).real = 2': (1.5).real = 2\n        else: [].append = 1\n    except AttributeError as e:\n        print(e)",
         "property 'p' of 'C' object has no setter\nproperty 'p' of 'C' object has no deleter\nattribute 'real' of 'float' objects is not writable\n'list' object attribute 'append' is read-only\n"),
        ("try:\n    undefined_thing\nexcept NameError as e:\n    print(e, '|', e.name)\ntry:\n    (1).nope\nexcept AttributeError as e:\n    print(e, '|', e.name, e.obj)",
         "name 'undefined_thing' is not defined | undefined_thing\n'int' object has no attribute 'nope' | nope 1\n"),
        ("nan = float('nan')\nl = [nan]\nprint(nan in l, l == [nan], l.count(nan), l.index(nan), (nan,) == (nan,), nan == nan)",
         "True True 1 0 True False\n"),
        ("import random\nr = random.Random(42)\na = [r.randint(1, 100) for _ in range(3)]\nr2 = random.Random(42)\nprint(a, [r2.randint(1, 100) for _ in range(3)])\ns = r.getstate()\nx = r.random()\nr.setstate(s)\nprint(x == r.random(), s[0], len(s[1]), type(r).__name__)",
         "[82, 15, 4] [82, 15, 4]\nTrue 3 625 Random\n"),
        ("import os\nprint(os.path.split('/a/b/c.txt'), os.path.split('/'), os.path.split('x'), os.path.dirname('/a/'), os.path.splitext('a/.hidden'), os.path.splitext('a.b/c'), os.path.splitext('...x'), os.path.isabs('/q'))",
         "('/a/b', 'c.txt') ('/', '') ('', 'x') /a ('a/.hidden', '') ('a.b/c', '') ('...x', '') True\n"),
        ("import sys, math\nprint('math' in sys.modules, 'sys' in sys.modules, '__main__' in sys.modules, 'json' in sys.modules)\nimport json\nprint('json' in sys.modules, sys.get_int_max_str_digits())",
         "True True True False\nTrue 4300\n"),
        ("import functools\n@functools.lru_cache(maxsize=2)\ndef f(x):\n    print('compute', x)\n    return x\nfor v in [1, 2, 1, 3, 2, 1]:\n    f(v)\nprint(f.cache_info())\nf.cache_clear()\nprint(f.cache_info(), f.__name__, f.__wrapped__(9))\n@functools.lru_cache(typed=True)\ndef g(x): return x\ng(1); g(1.0); print(g.cache_info().misses)",
         "compute 1\ncompute 2\ncompute 3\ncompute 2\ncompute 1\nCacheInfo(hits=1, misses=5, maxsize=2, currsize=2)\ncompute 9\nCacheInfo(hits=0, misses=0, maxsize=2, currsize=0) f 9\n2\n"),
        ("import functools\nk = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))\nprint(sorted([3, 1, 2], key=k), k(1) < k(2), k(2) == k(2), min(['bb', 'a'], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))",
         "[1, 2, 3] True True a\n"),
        ("import itertools\nprint(list(itertools.compress(range(6), [1, 0, 1])), list(itertools.pairwise([1, 2, 3])), list(itertools.pairwise('a')))",
         "[0, 2] [(1, 2), (2, 3)] []\n"),
        ("r = range(10, 0, -3)\nprint(r.start, r.stop, r.step, r.index(4), r.count(7), r.count(8), 7 in r)\ntry:\n    r.index(5)\nexcept ValueError as e:\n    print(e)",
         "10 0 -3 2 1 0 True\n5 is not in range\n"),
        ("print((0.1).hex(), (-2.5).hex(), (1e-320).hex(), (0.0).hex(), float('inf').hex(), (1.0).as_integer_ratio(), (-0.75).as_integer_ratio(), (5).as_integer_ratio())\ntry:\n    float('nan').as_integer_ratio()\nexcept ValueError as e:\n    print(e)",
         "0x1.999999999999ap-4 -0x1.4000000000000p+1 0x0.00000000007e8p-1022 0x0.0p+0 inf (1, 1) (-3, 4) (5, 1)\ncannot convert NaN to integer ratio\n"),
        ("b = b'  Mixed \\xe9Case\\t'\nprint(b.upper(), b.lower(), b.swapcase(), b.title(), b.strip(), b.split(), b.split(None, 1), b.rsplit(None, 1), b.isalpha(), b'ab'.isalpha())\nprint(bytes.fromhex('de ad'), b'\\x01\\xff'.hex(), b'a\\r\\nb\\rc'.splitlines(), b'x,y'.split(b','))",
         "b'  MIXED \\xe9CASE\\t' b'  mixed \\xe9case\\t' b'  mIXED \\xe9cASE\\t' b'  Mixed \\xe9Case\\t' b'Mixed \\xe9Case' [b'Mixed', b'\\xe9Case'] [b'Mixed', b'\\xe9Case\\t'] [b'  Mixed', b'\\xe9Case'] False True\nb'\\xde\\xad' 01ff [b'a', b'b', b'c'] [b'x', b'y']\n"),
        ("ba = bytearray(b'abc')\nba[0] = 65\nba.append(100)\nba.extend(b'ef')\nba[1:3] = b'XYZ'\nprint(ba, len(ba), ba[2], ba[1:3], ba + b'!', b'!' + ba, ba.upper(), bytes(ba), ba.pop(), ba)\ntry:\n    hash(ba)\nexcept TypeError as e:\n    print(e)\ntry:\n    ba[0] = 256\nexcept ValueError as e:\n    print(e)",
         "bytearray(b'AXYZde') 7 89 bytearray(b'XY') bytearray(b'AXYZdef!') b'!AXYZdef' bytearray(b'AXYZDEF') b'AXYZdef' 102 bytearray(b'AXYZde')\nunhashable type: 'bytearray'\nbyte must be in range(0, 256)\n"),
        ("class I(int): pass\nprint(format(True, '^6'), format(False, 'd'), format(I(7), '03'), '%s' % [1, 2], '%s' % range(2), 'x' % [])\nfor spec in ['s']:\n    try:\n        format(True, spec)\n    except ValueError as e:\n        print(e)\ntry:\n    '%(a)s' % [1]\nexcept TypeError as e:\n    print(e)",
         "  1    0 007 [1, 2] range(0, 2) x\nUnknown format code 's' for object of type 'bool'\nlist indices must be integers or slices, not str\n"),
        // A 2500-term chain: deep for a recursive evaluator, within CPython's compile limit.
        ("x = " + Array(repeating: "1", count: 2500).joined(separator: " + ") + "\nprint(x)",
         "2500\n"),
    ]

    @Test(arguments: 0..<stdoutCases.count)
    func output(_ index: Int) {
        let (source, expected) = Self.stdoutCases[index]
        let run = EngineRun(source + "\n")
        #expect(run.stdout == expected, "source: \(source)\nstderr: \(run.stderr)")
        #expect(run.outcome.exitStatus == 0)
    }

    /// Whole tracebacks, caret lines and "Did you mean" hints included.
    static let tracebackCases: [(String, String)] = [
        ("def f(d):\n    return d['k'] + 1\nf({'k': 'a'})",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 3, in <module>\n    f({'k': 'a'})\n  File \"/tmp/t.py\", line 2, in f\n    return d['k'] + 1\n           ~~~~~~~^~~\nTypeError: can only concatenate str (not \"int\") to str\n"),
        ("items = [1, 2]\nprint(items[5])",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 2, in <module>\n    print(items[5])\n          ~~~~~^^^\nIndexError: list index out of range\n"),
        ("x = None\nprint(x.attr)",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 2, in <module>\n    print(x.attr)\n          ^^^^^^\nAttributeError: 'NoneType' object has no attribute 'attr'\n"),
        ("def div(a, b):\n    return a // b\nresult = div(1, 0)",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 3, in <module>\n    result = div(1, 0)\n             ^^^^^^^^^\n  File \"/tmp/t.py\", line 2, in div\n    return a // b\n           ~~^^~~\nZeroDivisionError: integer division or modulo by zero\n"),
        ("t = (1, 2)\nt[0] = 3",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 2, in <module>\n    t[0] = 3\n    ~^^^\nTypeError: 'tuple' object does not support item assignment\n"),
        ("a, b = [1, 2, 3]",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 1, in <module>\n    a, b = [1, 2, 3]\n    ^^^^\nValueError: too many values to unpack (expected 2)\n"),
        ("d = {}\nd['n'] += 1",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 2, in <module>\n    d['n'] += 1\n    ~^^^^^\nKeyError: 'n'\n"),
        ("value = (1) + 'a'",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 1, in <module>\n    value = (1) + 'a'\n            ~~~~^~~~~\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n"),
        ("name = 'x'\nprint(f'{name + 1}')",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 2, in <module>\n    print(f'{name + 1}')\n             ~~~~~^~~\nTypeError: can only concatenate str (not \"int\") to str\n"),
        ("import math\nmath.sqrt(-1)",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 2, in <module>\n    math.sqrt(-1)\nValueError: math domain error\n"),
        ("counter = 1\nprint(countr)",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 2, in <module>\n    print(countr)\n          ^^^^^^\nNameError: name 'countr' is not defined. Did you mean: 'counter'?\n"),
        ("class Car:\n    def __init__(self):\n        self.speed = 1\nCar().sped",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 4, in <module>\n    Car().sped\nAttributeError: 'Car' object has no attribute 'sped'. Did you mean: 'speed'?\n"),
        ("def f(n):\n    return f(n + 1)\nf(0)",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 3, in <module>\n    f(0)\n  File \"/tmp/t.py\", line 2, in f\n    return f(n + 1)\n           ^^^^^^^^\n  File \"/tmp/t.py\", line 2, in f\n    return f(n + 1)\n           ^^^^^^^^\n  File \"/tmp/t.py\", line 2, in f\n    return f(n + 1)\n           ^^^^^^^^\n  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n"),
        ("def outer():\n    get = lambda q: q['k']\n    return [get(v) for v in [{'k': 1}, {}]]\nouter()",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 4, in <module>\n    outer()\n  File \"/tmp/t.py\", line 3, in outer\n    return [get(v) for v in [{'k': 1}, {}]]\n           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"/tmp/t.py\", line 3, in <listcomp>\n    return [get(v) for v in [{'k': 1}, {}]]\n            ^^^^^^\n  File \"/tmp/t.py\", line 2, in <lambda>\n    get = lambda q: q['k']\n                    ~^^^^^\nKeyError: 'k'\n"),
        ("data = [1, 0]\nprint(sum(10 // x for x in data))",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 2, in <module>\n    print(sum(10 // x for x in data))\n          ^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"/tmp/t.py\", line 2, in <genexpr>\n    print(sum(10 // x for x in data))\n              ~~~^^~~\nZeroDivisionError: integer division or modulo by zero\n"),
        ("def check(v):\n    if v < 0: raise ValueError('negative') from None\n    return v\ncheck(-1)",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 4, in <module>\n    check(-1)\n  File \"/tmp/t.py\", line 2, in check\n    if v < 0: raise ValueError('negative') from None\n              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\nValueError: negative\n"),
        ("x = 1\nprint(f'{x:>{x + \"a\"}}')",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 2, in <module>\n    print(f'{x:>{x + \"a\"}}')\n                 ~~^~~~~\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n"),
        ("obj = object()\nobj.count += 1",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 2, in <module>\n    obj.count += 1\n    ^^^^^^^^^\nAttributeError: 'object' object has no attribute 'count'\n"),
        ("a = [1]\nb = a [ 0 ] + None",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 2, in <module>\n    b = a [ 0 ] + None\n        ~~~~~~~~^~~~~~\nTypeError: unsupported operand type(s) for +: 'int' and 'NoneType'\n"),
        ("x = (1 +\n     'a')",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 1, in <module>\n    x = (1 +\n         ^^^\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n"),
        ("def g():\n    yield 1 / 0\nlist(g())",
         "Traceback (most recent call last):\n  File \"/tmp/t.py\", line 3, in <module>\n    list(g())\n  File \"/tmp/t.py\", line 2, in g\n    yield 1 / 0\n          ~~^~~\nZeroDivisionError: division by zero\n"),
        ("x = 1\nif x = 1:\n    pass",
         "  File \"/tmp/t.py\", line 2\n    if x = 1:\n       ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n"),
        ("f() = 5",
         "  File \"/tmp/t.py\", line 1\n    f() = 5\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"),
        ("items = [1, 2 3]",
         "  File \"/tmp/t.py\", line 1\n    items = [1, 2 3]\n                ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
        ("print(len(x) y)",
         "  File \"/tmp/t.py\", line 1\n    print(len(x) y)\n          ^^^^^^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
        ("print 'hello'",
         "  File \"/tmp/t.py\", line 1\n    print 'hello'\n    ^^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"),
        ("return 5",
         "  File \"/tmp/t.py\", line 1\n    return 5\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n"),
        ("if True:\n    x = 1\n  y = 2",
         "  File \"/tmp/t.py\", line 3\n    y = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n"),
        ("x = 1\n    y = 2",
         "  File \"/tmp/t.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"),
        ("del f()",
         "  File \"/tmp/t.py\", line 1\n    del f()\n        ^^^\nSyntaxError: cannot delete function call\n"),
        ("x = [a,\n b c]",
         "  File \"/tmp/t.py\", line 2\n    b c]\n    ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
    ]

    @Test(arguments: 0..<tracebackCases.count)
    func traceback(_ index: Int) {
        let (source, expected) = Self.tracebackCases[index]
        let run = EngineRun(source + "\n")
        #expect(run.stderr == expected, "source: \(source)")
        #expect(run.outcome.exitStatus == 1)
    }
}
