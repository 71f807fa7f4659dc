def fib(limit):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b

print(list(fib(50)))
def steps():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
g = steps()
print(next(g))
print(next(g))
print(list(g))
