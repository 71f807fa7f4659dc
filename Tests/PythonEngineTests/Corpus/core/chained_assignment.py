a = b = []
a.append(1)
print(a, b, a is b)
x = y = z = 0
x += 1
print(x, y, z)
i, j = k = (1, 2)
print(i, j, k)
