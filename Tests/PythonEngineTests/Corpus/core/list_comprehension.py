print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([c.upper() for c in "abc"])
print([(i, j) for i in range(3) for j in range(i)])
print([x if x > 0 else 0 for x in [-1, 2, -3]])
x = "outer"
print([x for x in range(2)], x)
