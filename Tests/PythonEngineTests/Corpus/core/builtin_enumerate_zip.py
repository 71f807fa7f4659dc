names = ["ann", "bob", "cy"]
for i, n in enumerate(names):
    print(i, n)
print(list(enumerate(names, start=1)))
scores = [90, 80]
print(list(zip(names, scores)))
print(dict(zip(names, scores)))
print(list(zip(*[(1, "a"), (2, "b")])))
print(list(zip()), list(zip([1, 2, 3], "ab", [True] * 5)))
