import functools
print(functools.reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(functools.reduce(lambda a, b: a * b, [], 1))
base2 = functools.partial(int, base=2)
print(base2("1010"))
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(calls))
print(fib.cache_info())
@functools.cache
def sq(x):
    return x * x
print(sq(4), sq(4))
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda x, y: len(x) - len(y))))
