# Defining __eq__ without __hash__ makes instances unhashable.
class Point:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x

class HashablePoint(Point):
    def __hash__(self):
        return hash(self.x)

print(Point.__hash__ is None)
print(len({HashablePoint(1), HashablePoint(1), HashablePoint(2)}))
s = {Point(1)}
