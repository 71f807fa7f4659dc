for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print(i)
for a in range(3):
    for b in range(3):
        if b == a:
            break
        print(a, b)
