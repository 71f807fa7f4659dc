# Recursion exercises: power set, permutations, gcd, digit sum.
def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + s for s in rest]

def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

def digit_sum(n):
    return n if n < 10 else n % 10 + digit_sum(n // 10)

print(power_set([1, 2, 3]))
print(perms("abc"))
print(gcd(1071, 462), digit_sum(2 ** 100))
