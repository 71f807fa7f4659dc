t = (1, "two", 3.0)
print(t, len(t), t[1])
single = (5,)
print(single, (), type(()).__name__)
print((1, 2) + (3,), (0,) * 3)
print(t.index("two"), (1, 1, 2).count(1))
print((1, 2) < (1, 3), (2,) > (1, 9))
x = 1,
print(x, tuple("ab"), tuple([1, 2]))
