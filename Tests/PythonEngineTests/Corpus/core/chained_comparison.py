x = 5
print(1 < x < 10)
print(1 < x > 10)
print(0 <= x <= 5 < 6)
print(1 == 1 == 1, 1 == 1 == 2)
print("a" < "b" < "c")
calls = []
def v(n):
    calls.append(n)
    return n
print(v(3) < v(2) < v(1), calls)
