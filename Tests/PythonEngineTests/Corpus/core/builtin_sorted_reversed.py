data = [3, 1, 2]
print(sorted(data), data)
print(sorted(data, reverse=True))
print(list(reversed(data)), list(reversed("abc")), list(reversed(range(3))))
print(sorted({"b": 1, "a": 2}), sorted({3, 1, 2}))
print(sorted(["b", "A", "c"]), sorted([(2, "a"), (1, "b")]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
