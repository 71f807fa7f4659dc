e = ValueError("bad value", 42)
print(e.args)
print(str(e))
print(repr(e))
print(str(ValueError("one")), repr(ValueError("one")))
print(repr(KeyError("k")), str(KeyError("k")))
print(str(Exception()), repr(Exception()))
try:
    raise TypeError
except TypeError as err:
    print(repr(err), err.args)
