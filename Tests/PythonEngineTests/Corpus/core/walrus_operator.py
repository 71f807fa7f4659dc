data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print(f"long list ({n} items)")
print([y for x in data if (y := x * 2) > 10])
print(y)
values = iter([3, 2, 1, 0, 5])
while (v := next(values)) != 0:
    print("got", v)
