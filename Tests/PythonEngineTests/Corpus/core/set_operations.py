a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union([9]), a.intersection(b), a.difference(b))
print({1, 2} <= a, {1, 2} < {1, 2}, a.isdisjoint({7}))
s = set()
s.add(3); s.add(1); s.add(3)
print(s, len(s))
s.discard(10); s.remove(3)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
print(set([3, 1, 2, 3]), set("aaa"))
