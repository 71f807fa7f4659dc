# The loop shapes students write: counters, sentinels, accumulate-until.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i =", i)
total, n = 0, 0
while total <= 20:
    n += 1
    total += n
print("n =", n, "total =", total)
stack = [3, 1, 2]
while stack:
    print("pop", stack.pop())
