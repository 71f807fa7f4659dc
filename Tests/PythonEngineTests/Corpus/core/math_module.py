import math
print(math.pi, math.e, math.tau)
print(math.sqrt(2), math.sqrt(16), math.isqrt(17))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), type(math.floor(2.5)).__name__)
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.log(math.e), math.log10(1000), math.log2(8), math.log(8, 2), math.exp(1))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 10), math.atan2(1, 1))
print(math.hypot(3, 4), math.fabs(-3), math.pow(2, 10), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(math.nan), math.isinf(math.inf), math.inf > 10 ** 300)
print(math.degrees(math.pi), math.radians(180), math.prod([1, 2, 3, 4]))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
