class Counter:
    def __init__(self, start=0):
        self.value = start

    def increment(self, by=1):
        self.value += by
        return self

c = Counter()
c.increment().increment(5)
print(c.value)
print(type(c).__name__, isinstance(c, Counter))
d = Counter(10)
print(d.value, c.value)
