# Arithmetic and comparison fast paths: ints, bools, big ints, floats and their mixes.
import math
big = 2 ** 63
print(3 + 4, 3 - 10, 6 * 7, 7 // 2, -7 // 2, 7 % -3, -7 % 3, 7 / 2, 2 ** 10)
print(True + True, True - 1, True * 3, True / 2, False // 1, True & 1, True & True, True | False, True ^ True)
print(type(True & True).__name__, type(True & 1).__name__, type(True + False).__name__)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 3037000500 * 3037000500)
print(big - 1, big // 3, big % 7, big + 0.5, big * 1.0 == big, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(1 + 2.5, 2.5 + 1, 3 * 0.5, 0.5 * 3, 1 / 4.0, 7.5 // 2, 7.5 % 2, -7.5 % 2, 2 ** 0.5, 2.0 ** 3)
print(9007199254740993 + 0.0, 9007199254740993 < 9007199254740992.0, 9007199254740993 == 9007199254740992.0)
print(-0.0 == 0.0, -0.0 < 0.0, 0 == -0.0, str(-0.0 + 0), str(0.0 * -1), repr(-0.0 - 0.0))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, 1 < nan, nan <= nan, nan >= 1.0, nan == 1)
print(math.inf > 10 ** 400, -math.inf < -10 ** 400, 10 ** 400 > 1e308, 10 ** 20 == 1e20)
print(1 < 2, 2 <= 2, 3 > 4, 4 >= 5, 5 == 5, 5 != 5, True == 1, False < 1, True > 0.5, 1 == 1.0)
print(10 ** 30 > 10 ** 29, -(10 ** 30) < 5, 10 ** 30 == 10 ** 30, 10 ** 30 != 10 ** 30 + 1)
print(big > 5, 5 < big, big == big, big < big + 1)
for bad in [lambda: 1 + "a", lambda: "a" + 1, lambda: 1.5 + "x", lambda: 1 < "a", lambda: 2.0 >= [], lambda: 5 // 0,
            lambda: 5 % 0, lambda: 5 / 0, lambda: 5.0 / 0, lambda: 5 // 0.0, lambda: 1 & 1.0, lambda: 1.5 | 2]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
x = 250
for _ in range(10):
    x += 1
print(x, x * 2 - 1 is not None)
a = 256
b = 256
c = int("257")
d = int("257")
print(a is b, int("256") is a, (a + 0) is b, c is d, c == d, c is c)
s = "ab"
s += "cd"
s *= 2
print(s, "x" * 3, 3 * "yz", "a" + "b" == "ab", "b" > "a", "é" > "z", "Z" < "a", "" < "a", "abc" < "abd")
f = 1.5
f += 1
f -= 0.25
f *= 2
print(f, 7 - 2.5, 2 - True, 1.0 + True)
class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"
    def __lt__(self, other):
        return "MyInt.__lt__"
    def __radd__(self, other):
        return "MyInt.__radd__"
print(MyInt(3) + 4, 4 + MyInt(3), MyInt(3) < 1, 1 > MyInt(3), MyInt(2) * 3, MyInt(5) == 5)
class MyFloat(float):
    def __sub__(self, other):
        return "MyFloat.__sub__"
print(MyFloat(1.5) - 1, 1.5 - MyFloat(1.0), MyFloat(2.0) + 1)
class MyStr(str):
    def __add__(self, other):
        return "MyStr.__add__"
    def __eq__(self, other):
        return "MyStr.__eq__"
    __hash__ = str.__hash__
print(MyStr("a") + "b", "b" + MyStr("a"), MyStr("a") == "a", "a" == MyStr("a"), MyStr("q") < "r")
print(not 0, not 1, not 0.0, not "", not "x", not [], not [0], not None, not 10 ** 40, bool(-0.0))
print(sum([1, 2, 3]), sum([0.5, 1, 2]), sum([big, big]), sum([True, True, 2]), sum([], 0.0))
