items = [1, 2, 3]
print(items[2], items[-3])
try:
    (1, 2)[5]
except IndexError as e:
    print(e)
try:
    "abc"[3]
except IndexError as e:
    print(e)
print(items[3])
