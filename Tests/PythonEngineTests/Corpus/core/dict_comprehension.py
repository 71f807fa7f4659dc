squares = {n: n * n for n in range(5)}
print(squares)
words = ["apple", "bob", "cat", "apple"]
print({w: len(w) for w in words})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({k: v for k, v in squares.items() if v % 2 == 0})
