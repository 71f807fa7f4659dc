for n in range(-1, 2):
    sign = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, sign)
x = None
print(x if x is not None else "default")
print([("even" if i % 2 == 0 else "odd") for i in range(3)])
