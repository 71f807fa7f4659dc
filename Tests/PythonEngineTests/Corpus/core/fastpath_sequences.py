# Tuple/list comparisons and sorting fast paths; freeing deep nests of lists and tuples.
rows = [(i % 7, -i, "x" * (i % 3)) for i in range(40)]
print(sorted(rows)[:5], sorted(rows, reverse=True)[:3])
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), [1, 2] == [1, 2], [1, [2]] < [1, [3]], (1, "a") < (1, "b"), () < (0,))
print(sorted([[3, 1], [2, 9], [3, 0]]), max([(1, "b"), (1, "a")]), min([[2], [1, 5]]))
nan = float("nan")
print((nan,) == (nan,), [nan] < [nan], (1, nan) < (1, 2), sorted([(2, "b"), (1, "z"), (2, "a")], key=lambda t: t))
try:
    print((1, "a") < (1, 2))
except TypeError as e:
    print("TypeError", e)
try:
    print([1, 2] < (1, 2))
except TypeError as e:
    print("TypeError", e)
x = []
for i in range(100000):
    x = [x]
del x
t = ()
for i in range(100000):
    t = (t, i)
del t
print(sorted([5, 3, 5, 1], reverse=True), sorted([2 ** 70, 1, -5]), sorted([True, 0, 1, False]))
a = [int("300"), int("5"), int("300"), 7]
s = sorted(a)
r = sorted(a, reverse=True)
print([x is a[0] for x in s], [x is a[2] for x in s], [x is a[0] for x in r], [x is a[2] for x in r], sorted([3, 1, 2], key=None))
big = 2 ** 63
print(list(range(big - 3, big - 1, 5)), list(range(-big + 2, -big, -7)), list(range(big - 2, big + 3, 2)))
total = 0
for i in range(1000):
    total += i
for x in [1, 2, 3]:
    total += x
for x in (4, 5):
    total -= x
print(total, [c for c in "héllo"], list(reversed(range(3))), [*range(5, 0, -2)])
rows = [(i * 7919 % 13, -(i % 5), i) for i in range(60)]
print(sorted(rows, key=lambda r: (r[0], r[1]))[:8])
print(sorted(rows, key=lambda r: (r[0], r[1]), reverse=True)[:8])
print(sorted([(2,), (1, 5), (1,), (), (1, 5, 0), (-3, 2 ** 62)]), sorted([(1, 2), (1, 2, 3), (1,)], reverse=True))
tags = [("a", i) for i in range(6)]
keyed = sorted(tags, key=lambda t: (t[1] % 2, 0))
print(keyed, sorted(tags, key=lambda t: (t[1] % 3,), reverse=True))
print(sorted([(1, True), (1, 0), (0, 2 ** 70)]), sorted([(1, 2.5), (1, 2)]), sorted([(1, "b"), (1, "a")]))
