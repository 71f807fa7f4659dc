# Sorting 200,000 ints (a linear congruential sequence, no random module needed).
n = 200_000
x = 12345
values = []
for _ in range(n):
    x = (x * 1103515245 + 12345) % 2147483648
    values.append(x)
values.sort()
print(values[0], values[n // 2], values[-1])
