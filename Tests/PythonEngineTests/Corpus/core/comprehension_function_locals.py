# Comprehensions inside functions reading the function's locals (and shadowing them).
def scale(data, factor):
    offset = 1
    return [x * factor + offset for x in data if x != factor]
print(scale([1, 2, 3, 4], 2))

def shadow(x):
    # The loop target shadows the parameter inside the comprehension only.
    ys = [x for x in range(3)]
    return ys, x
print(shadow("param"))

def first_iter(x):
    # The first iterable is evaluated in the function's scope.
    return [x * 2 for x in x]
print(first_iter([1, 2]))

def nested(n):
    return [[i * j + n for j in range(i)] for i in range(4)]
print(nested(10))

def dict_and_set(keys, value):
    return {k: value for k in keys}, sorted({len(k) + value for k in keys})
print(dict_and_set(["a", "bb"], 5))

def generator_late(n):
    g = (i + n for i in range(3))
    n = 100
    return list(g)
print(generator_late(1))

def walrus(data):
    total = 0
    out = [total := total + d for d in data]
    return out, total
print(walrus([1, 2, 3]))

def closures(n):
    fs = [lambda: i * n for i in range(3)]
    return [f() for f in fs]
print(closures(2))

def unbound_in_comprehension():
    try:
        return [later for _ in range(1)]
    except NameError as e:
        return type(e).__name__, str(e)
    later = 1
print(unbound_in_comprehension())

def uses_global():
    return [g * 2 for g in GLOBALS] + [GLOBALS[0] for _ in range(1)]
GLOBALS = [4, 5]
print(uses_global())

def two_clauses(a, b):
    return [(x, y) for x in a for y in b if x != y]
print(two_clauses([1, 2], [2, 3]))

def class_in_function(n):
    class K:
        vals = [n for _ in range(2)]
    return K.vals
print(class_in_function(7))
