import math as m
import itertools as it, functools as ft
print(m.sqrt(16))
print(list(it.islice(it.count(5), 3)))
print(ft.reduce(lambda a, b: a * b, [1, 2, 3, 4]))
import os.path
print(os.path.basename("/a/b/c.txt"), os.path.join("x", "y"))
