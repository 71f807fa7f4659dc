a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c)
print(a is not c)
x = None
print(x is None, x is not None)
print(type(5) is int, True is True)
