# Calls: the positional fast path and the general argument binding.
def add(a, b):
    return a + b
print(add(1, 2))
args = (3, 4)
print(add(*args), add(b=1, a=2), add(1, b=5))

def defaults(a, b=10):
    return a, b
print(defaults(1), defaults(1, 2))

for call in (lambda: add(1), lambda: add(1, 2, 3), lambda: defaults(), lambda: add(1, a=2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def trace(v):
    print("eval", v)
    return v
print(add(trace(1), trace(2)))
try:
    add(trace(1), undefined_name)
except NameError as e:
    print("NameError:", e)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20))

def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

class P:
    def __init__(self, v):
        self.v = v
    def get(self, k):
        return self.v + k
print(P(3).get(4))
f = lambda a, b: a * b
print(f(6, 7), (lambda: "none")())

def g(n):
    return n
h = g
def g(n):
    return -n
print(h(1), g(1))

def gen(a, b):
    yield a
    yield b
print(list(gen(1, 2)))

def local_default(a, b):
    c = a
    def inner(d):
        return c + d + b
    return inner(a)
print(local_default(2, 3))

def no_args():
    return "no args"
print(no_args())
def mutate(lst, item):
    lst.append(item)
    return lst
print(mutate([1], 2))
def fails(a):
    return a + "x"
fails(1)
