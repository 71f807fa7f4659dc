# Abstract-style base class with polymorphic area/perimeter.
import math

class Shape:
    def area(self):
        raise NotImplementedError
    def __str__(self):
        return f"{type(self).__name__}(area={self.area():.2f}, perimeter={self.perimeter():.2f})"

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    def perimeter(self):
        return 2 * math.pi * self.r

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

shapes = [Circle(1), Rect(2, 3.5), Square(4)]
for s in sorted(shapes, key=lambda s: s.area()):
    print(s)
print("total area:", round(sum(s.area() for s in shapes), 3))
print([isinstance(s, Rect) for s in shapes])
