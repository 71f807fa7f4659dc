print("ab" * 3, "ab" * 0, repr("ab" * -2), [0] * 3, (1, 2) * 2)
print(3 * "x", [[]] * 2, "-" * 10)
print("a" + "b" * 2, ("a" + "b") * 2)
try:
    "a" * 2.0
except TypeError as e:
    print("TypeError:", e)
