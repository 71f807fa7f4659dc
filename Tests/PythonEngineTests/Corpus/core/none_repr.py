x = None
print(x, repr(x), str(x))
print([None, None], {"k": None})
print(type(None).__name__, x == None, bool(x))
def f():
    return
print(f() is None)
