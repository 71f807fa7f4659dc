# Globals, builtins, class bodies, closures and comprehensions read through resolved names.
x = 1
def read_x():
    return x
print(read_x())
x = 2
print(read_x())

def set_x(v):
    global x
    x = v
    return x
print(set_x(10), x, read_x())

# A builtin shadowed by a global, then unshadowed by `del`.
def use_len(s):
    return len(s)
print(use_len("abc"))
len = lambda s: 42
print(use_len("abc"), len("zz"))
del len
print(use_len("abc"), len("zz"))

max = min
def use_max():
    return max(3, 4)
print(use_max())
del max
print(use_max())

# A global deleted inside a function, read again, then bound again.
y = 5
def drop_y():
    global y
    del y
drop_y()
try:
    print(y)
except NameError as e:
    print("NameError:", e)
def read_y():
    return y
try:
    read_y()
except NameError as e:
    print("NameError:", e)
y = 6
print(read_y())

# Free names of nested functions: enclosing locals, then globals.
def outer():
    a = 1
    def inner():
        return a + x
    a = 5
    return inner
print(outer()())

def outer_late():
    def inner():
        return b
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    b = 3
    return inner()
print(outer_late())

# Class bodies see globals and their own names; methods skip the class scope.
class K:
    x = x + 100
    y = x * 2
    def m(self):
        return x
print(K.x, K.y, K().m())

# Comprehensions at module level and in functions.
total = sum([i * x for i in range(5)])
print(total)
def comp(n):
    return [i + n for i in range(n) if i % 2 == 0]
print(comp(6))
print([[j for j in range(i)] for i in range(4)])
print({k: x for k in "ab"}, sorted({v % 3 for v in range(10)}))
vals = [last := v for v in range(3)]
print(vals, last)
def comp_walrus():
    out = [w := c * 2 for c in range(4)]
    return out, w
print(comp_walrus())

# A global created by a function that declares it.
def make_z():
    global z
    z = "made"
make_z()
print(z)

def unbound():
    print(q)
    q = 1
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def global_then_builtin():
    global abs
    abs = lambda v: "shadow"
    r1 = abs(-1)
    del abs
    return r1, abs(-1)
print(global_then_builtin())

for i in range(3):
    pass
print(i)
counts = {}
for w in ["a", "b", "a"]:
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(undefined_name_here)
