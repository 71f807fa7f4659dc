square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
print((lambda: "no args")())
print(list(map(lambda s: s.upper(), ["a", "b"])))
print(square.__name__)
