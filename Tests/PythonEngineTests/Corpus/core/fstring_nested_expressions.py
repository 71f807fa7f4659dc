name = "Ada"
items = [3, 1, 2]
data = {"k": 10}
print(f"Hello, {name}!")
print(f"{len(items)} items, sum {sum(items)}, max {max(items)}")
print(f"{data['k'] * 2}")
print(f"{[x * x for x in items]}")
print(f"{'yes' if items else 'no'}")
print(f"{name.upper()}{name.lower()}")
print(f"{{braces}} and {name!r}")
