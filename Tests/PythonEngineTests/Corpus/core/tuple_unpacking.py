a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (name, score) in enumerate([("a", 1), ("b", 2)]):
    print(i, name, score)
t = 1, 2, 3
p, q, r = t
print(p + q + r, t)
[m, n] = "hi"
print(m, n)
