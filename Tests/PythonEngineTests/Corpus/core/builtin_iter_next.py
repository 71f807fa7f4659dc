it = iter([10, 20, 30])
print(next(it), next(it))
print(list(it))
print(next(it, "done"))
s = iter("ab")
print(next(s), next(s), next(s, None))
d = iter({"x": 1, "y": 2})
print(list(d))
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
