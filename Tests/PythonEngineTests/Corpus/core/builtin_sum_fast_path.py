# sum(): the machine-word fast path and where it hands over to the general addition.
big = 2 ** 62
print(sum([1, 2, 3]), sum([]), sum([], 5), sum([1, 2], 10), sum([big, big, big, -big]), sum([big, big, 1.5]))
print(sum([1, True, 2]), sum([True, True]), sum([1, 2.5, 3]), sum(range(100)), sum([-2 ** 63, -1, 1]), sum([2 ** 63, -1]))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([0.1] * 10), sum([1, 10 ** 20, -10 ** 20]))
print(type(sum([1, 2], 0.0)).__name__, sum([5, 3], 0))
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
class N(int):
    def __radd__(self, other):
        return "N.__radd__"
print(sum([1, N(2), 3]) if False else sum([1, N(2)]))
