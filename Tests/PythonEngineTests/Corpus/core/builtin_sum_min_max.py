print(sum([1, 2, 3]), sum([0.1] * 10), sum([], 10), sum([[1], [2]], []))
print(min(3, 1, 2), max([4, 9, 2]), min("bca"), max("a", "B"))
print(min([], default="empty"), max([1, 5, 3], key=lambda x: -x))
print(max({"a": 3, "b": 1}, key=lambda k: {"a": 3, "b": 1}[k]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
