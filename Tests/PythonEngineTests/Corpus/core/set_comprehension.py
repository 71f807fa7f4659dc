print({x % 3 for x in range(10)})
print(sorted({len(w) for w in ["a", "bb", "cc", "ddd"]}))
print({n for n in [5, 3, 5, 1]})
print(set(), {i for i in []})
