# A key's __eq__ that changes the dict or set being searched must not crash the engine.
class K:
    def __init__(self, n, target=None):
        self.n = n
        self.target = target
    def __hash__(self):
        return 1
    def __eq__(self, other):
        if self.target is not None and self.n == 1:
            t = self.target
            self.target = None
            if isinstance(t, dict):
                t.clear()
                t["x"] = 5
            else:
                t.discard("gone")
                t.add("added")
        return False
    def __repr__(self):
        return "K%d" % self.n

d = {}
d[K(1, d)] = 1
d[K(2)] = 2
print(len(d), sorted(d.values()))

d = {}
d[K(1, d)] = 1
print(d.pop(K(3), "absent"), len(d))
d = {}
d[K(1, d)] = 1
try:
    del d[K(4)]
except KeyError as e:
    print("KeyError", e)
print(sorted(map(str, d)))

s = {"gone"}
s.add(K(1, s))
s.add(K(2))
print(len(s), sorted(map(str, s)))
s = {K(1, None)}
s.discard(K(5))
print(len(s))

d = {K(1): "a", "k": "b"}
print(K(1) in d, "k" in d, d.get(K(9), "none"), 1 in {1.0: 0}, {1: "int"}[True], {"a": 1} == {"a": 1})
counts = {}
for w in ["a", "b", "a", 1, 1.0, True, (1, 2), (1, 2)]:
    counts[w] = counts.get(w, 0) + 1
print(counts)
s = set()
for w in ["x", "y", "x", 2, 2.0, False, 0]:
    s.add(w)
print(len(s), "x" in s, 0 in s, 2.0 in s)
s.remove("x")
s.discard(2)
print(len(s), sorted(map(str, s)))
