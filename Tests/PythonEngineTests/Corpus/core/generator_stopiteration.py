def two():
    yield "a"
    yield "b"
g = two()
print(next(g), next(g))
print(next(g, "default"))
next(g)
