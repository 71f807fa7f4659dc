a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]))
print(hash(1) == hash(1.0), hash(42), hash(True), hash(-1), hash((1, 2)) == hash((1, 2)))
print(hash("abc") == hash("abc"))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
print(callable(len), callable(lambda: 0), callable("s"), callable(int), callable(None))
