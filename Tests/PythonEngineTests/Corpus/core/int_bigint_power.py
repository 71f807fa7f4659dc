x = 4 ** 4 ** 4
print(x)
print(len(str(x)), x % 1000007)
print(2 ** 100)
print(-(3 ** 50))
print(10 ** 30 // 7, 10 ** 30 % 7)
