# CPython 3.11 refuses int<->str conversions beyond 4300 digits (arithmetic is unlimited).
import sys
big = 10 ** 5000
print(big.bit_length(), big % 97, len(hex(big)))
print(sys.get_int_max_str_digits())
try:
    str(big)
except ValueError as e:
    print("ValueError:", e)
try:
    int("7" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10 ** 4299)))
print(len(str(big)))
