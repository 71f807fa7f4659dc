nan = float("nan")
inf = float("inf")
print(nan == nan, nan != nan, nan is nan, [nan] == [nan], nan in [nan])
print(inf > 1e308, -inf < -1e308, inf - inf, inf * 0, inf + 1 == inf)
print(1e308 * 10, -1e308 * 10, 2.0 ** 1023, 0.1 + 0.2 == 0.3)
print(max(1, nan), min(nan, 1), sorted([3.0, 1.0, 2.0]))
import math
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
print(round(2.5), round(-0.5), -0.0 == 0, str(-0.0), 1 / inf)
