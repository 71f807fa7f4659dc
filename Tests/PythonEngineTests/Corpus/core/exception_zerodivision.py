def average(items):
    return sum(items) / len(items)

print(average([1, 2, 3]))
for x, y in [(1, 0), (1.0, 0.0), (5, 0)]:
    for op in ("/", "//", "%"):
        try:
            eval_result = x / y if op == "/" else x // y if op == "//" else x % y
        except ZeroDivisionError as e:
            print(type(x).__name__, op, e)
print(average([]))
