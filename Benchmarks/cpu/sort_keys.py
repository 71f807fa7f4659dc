# Sorting 200,000 tuples with a custom key function and sorted(..., reverse=True).
n = 200_000
x = 7
rows = []
for i in range(n):
    x = (x * 1103515245 + 12345) % 2147483648
    rows.append((x % 1000, i))
by_key = sorted(rows, key=lambda r: (r[0], -r[1]))
by_len = sorted([str(r[1]) for r in rows[:50_000]], key=len, reverse=True)
print(by_key[0], by_key[-1], by_len[0])
