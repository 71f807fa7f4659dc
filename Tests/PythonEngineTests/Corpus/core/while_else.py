n = 10
while n > 0:
    n -= 3
else:
    print("loop ended normally, n =", n)

i = 0
while True:
    i += 1
    if i == 4:
        break
else:
    print("not printed")
print("i =", i)
