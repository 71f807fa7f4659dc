# List comprehensions with a condition, nested, and sum over them.
total = 0
for r in range(50):
    squares = [i * i for i in range(10_000) if i % 3 != 0]
    pairs = [(a, b) for a in range(30) for b in range(a) if (a + b) % 5 == 0]
    total += sum(squares) + len(pairs)
print(total)
