# Operator overloading: __add__, __radd__, __mul__, __neg__ and sum() over custom objects.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __radd__(self, other):
        return self if other == 0 else NotImplemented
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a * 3, 2 * b, -a)
print(sum([a, b, Vec(10, 10)]))
try:
    a + 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    "s" + a
except TypeError as e:
    print("TypeError:", e)
