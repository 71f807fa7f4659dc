d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("c", 3), d.setdefault("a", 99), d)
print(d.pop("b"), d.pop("q", "none"), d)
d.update({"x": 9}, y=8)
print(d)
print(list(d.items()), list(d.keys()))
print(d.popitem(), d)
print(len(d), "a" in d, d.copy() == d)
print(dict(zip("ab", [1, 2])), dict([("k", "v")]), dict(a=1))
print(d | {"n": 0})
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
