class Thing:
    pass

t = Thing()
print(t)
print(repr(t) == str(t))
print(Thing, type(t))
print(type(t).__name__, t.__class__.__name__, Thing.__module__)
print(object())
