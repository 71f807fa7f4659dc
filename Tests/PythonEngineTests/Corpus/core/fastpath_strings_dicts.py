# Str and dict fast paths: cached str hashes, str keys, keys with __eq__/__hash__, split/join.
counts = {}
words = ["pool", "map", "pool", "pipe", "map", "pool"]
for w in words:
    counts[w] = counts.get(w, 0) + 1
for w in ["po" + "ol", "".join(["m", "a", "p"]), "pi" + "pe" + "s"]:
    print(w, w in counts, counts.get(w), counts.get(w, -1))
print(sorted(counts.items()), len(counts))
d = {1: "int", "1": "str", 1.5: "float", (1, "a"): "tuple", None: "none", True: "bool?"}
print(d[1], d["1"], d[1.0], d[1.5], d[(1, "a")], d[None], d[True], len(d))
class Key:
    def __init__(self, s):
        self.s = s
    def __hash__(self):
        return hash(self.s)
    def __eq__(self, other):
        print("eq called", self.s, other)
        return self.s == (other.s if isinstance(other, Key) else other)
e = {"alpha": 1, "beta": 2}
print(e[Key("alpha")], Key("beta") in e, e.get(Key("gamma"), "missing"))
e[Key("alpha")] = 10
print(sorted((str(k) if not isinstance(k, Key) else "Key", v) for k, v in e.items()))
class S(str):
    pass
e[S("beta")] = 20
print(e["beta"], len(e), type(list(e)[1]).__name__)
try:
    print(e["delta"])
except KeyError as err:
    print("KeyError", err)
try:
    e[["list"]] = 1
except TypeError as err:
    print("TypeError", err)
x = "caf" + "é"
y = "café"
print(x == y, x != y, hash(x) == hash(y), {x: 1}[y], x < "cafz", "é" < "ê", "\u00ff" < "\u0100", "a\U0001F600" > "a\uffff")
print("ab" == "ab", "ab" != "ab", "ab" == "abc", "" == "", "a" < "ab", "b" > "ab")
for s, args in [("a,b,,c", (",",)), ("a,b,,c", (",", 1)), ("a,b,,c", (",", 0)), ("a::b::", ("::",)),
                ("::", ("::",)), ("", (",",)), ("", ()), ("  a  b\tc\n ", ()), ("  a  b  c  ", (None, 1)),
                ("a\x1cb\x1fc\x0bd\x0ce", ()), ("naïve café, ok", (", ",)), ("é—é—é", ("—",)),
                ("x\u2003y  z", ()), ("x\u2003y  z", (None, 1)), ("aaa", ("aa",)), ("abcabc", ("abc",)),
                ("1 2 3", (" ", -1)), ("日本語 テキスト", ())]:
    print(repr(s), args, s.split(*args))
try:
    "abc".split("")
except ValueError as err:
    print("ValueError", err)
try:
    "".split("")
except ValueError as err:
    print("ValueError", err)
parts = [f"item-{i}:{i * i % 97}" for i in range(12)]
joined = ",".join(parts)
print(joined, joined.split(",") == parts, "-".join(p.upper() for p in parts[:3]))
try:
    ",".join(["a", 1])
except TypeError as err:
    print("TypeError", err)
lst = [10, 20, 30]
t = (1, 2, 3)
print(lst[0], lst[-1], lst[True], t[-3], t[False], lst[1:], t[::-1])
lst[-1] = 99
lst[True] = 42
print(lst)
for bad in [lambda: lst[3], lambda: lst[-4], lambda: t[3], lambda: lst["a"], lambda: t[1.0], lambda: lst[10 ** 30]]:
    try:
        print(bad())
    except (IndexError, TypeError) as err:
        print(type(err).__name__, err)
try:
    lst[5] = 1
except IndexError as err:
    print("IndexError", err)
print((5).real, (5).bit_length(), (2.5).is_integer(), "ab".upper(), [3, 1].index(1), {1: 2}.get(1), (1, 2).count(2))
print({1, 2}.union({3}) == {1, 2, 3}, [].append is not None, str(type("a".split)), "x".join.__name__)
from collections import Counter, defaultdict, OrderedDict
c = Counter("abracadabra")
dd = defaultdict(list)
dd["k"].append(1)
od = OrderedDict(a=1)
print(c["a"], c["z"], dd["k"], dd["new"], od["a"], sorted(dd))
class L(list):
    def __getitem__(self, i):
        return "L.__getitem__"
class D(dict):
    def __missing__(self, key):
        return "missing " + key
    def __setitem__(self, k, v):
        print("D.__setitem__", k, v)
l = L([1, 2])
dm = D()
dm["a"] = 1
print(l[0], dm["a"], dm["b"])
for s in ["", "abc", "café", "e\u0301", "日本語", "a\U0001F600b", "\x00\x7f\x80", "ß" * 5]:
    print(len(s), len(s.upper()), len(s + s), len(s[1:]), -len(s), -(len(s) - 2))
