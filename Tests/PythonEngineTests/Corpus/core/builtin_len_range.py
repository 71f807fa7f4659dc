print(len("hello"), len([1, 2]), len({}), len(range(10)), len((1,)), len({1, 2, 2}))
print(list(range(3)), list(range(1, 4)), list(range(10, 0, -3)))
for i in range(2, 6, 2):
    print(i)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
