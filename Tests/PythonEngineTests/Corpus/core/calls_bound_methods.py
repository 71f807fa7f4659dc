# Bound-method calls: from Python code, from native code (key=, map) and their errors.
class Box:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def add(self, k):
        return self.v + k
    def scaled(self, k, factor=2):
        return (self.v + k) * factor
    def pairs(self, n):
        for i in range(n):
            yield (self.v, i)
    @staticmethod
    def twice(x):
        return 2 * x
    @classmethod
    def make(cls, v):
        return cls(v)

b = Box(5)
print(b.get(), b.add(1), b.scaled(1), b.scaled(1, 3), b.scaled(k=1))
print(list(b.pairs(3)), Box.twice(4), Box.make(7).get())
m = b.add
print(m(10), list(map(b.add, [1, 2, 3])))
boxes = [Box(3), Box(1), Box(2)]
print([x.v for x in sorted(boxes, key=Box.get)])
print(sorted([3, 1, 2], key=b.add))
for call in (lambda: b.add(), lambda: b.add(1, 2), lambda: b.get(1), lambda: m(1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

class Counter:
    def __init__(self):
        self.n = 0
    def bump(self, by):
        self.n += by
        return self
c = Counter()
c.bump(1).bump(2).bump(3)
print(c.n)

class Child(Box):
    def add(self, k):
        return super().add(k) * 10
print(Child(1).add(2))
b.add = lambda k: "instance attribute"
print(b.add(1))
