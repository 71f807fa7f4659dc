# Celsius/Fahrenheit conversion table with formatting.
def c_to_f(c):
    return c * 9 / 5 + 32

print(f"{'C':>6} | {'F':>7}")
print("-" * 16)
for c in range(-20, 41, 15):
    print(f"{c:>6} | {c_to_f(c):>7.1f}")
readings = [21.5, 19.0, 23.25, 22.0]
print("mean: %.2f, min: %s, max: %s" % (sum(readings) / len(readings), min(readings), max(readings)))
print("above mean:", [r for r in readings if r > sum(readings) / len(readings)])
