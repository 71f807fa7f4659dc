import math
f = math.factorial(40)
print(f)
print(f // 10 ** 20, f % 999983)
big = 123456789012345678901234567890
print(big * big)
print(big - 10 ** 40, -big // 7, -big % 7)
print(big.bit_length(), hex(big))
print(int("9" * 40) + 1)
print(abs(-big), big > 2 ** 90, float(2 ** 64))
print(2 ** 200 == (2 ** 100) ** 2, pow(3, 100, 1000))
