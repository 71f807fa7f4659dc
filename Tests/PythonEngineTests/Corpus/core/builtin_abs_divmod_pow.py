print(abs(-5), abs(3.5), abs(-0.0), abs(-2 ** 70))
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
print(pow(2, 10), pow(2, -2), pow(2, 10, 1000), pow(-2, 3))
print(pow(3, -1, 7), 2 ** 0.5)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
