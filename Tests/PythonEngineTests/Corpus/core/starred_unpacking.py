first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
a, *mid, b = range(5)
print(a, mid, b)
x, *empty = [1]
print(x, empty)
merged = [*range(3), *"ab"]
print(merged)
d = {**{"a": 1}, "b": 2}
print(d)
print(*[1, 2, 3], sep="-")
