# String building: concatenation in a loop, f-strings, join, split.
parts = []
s = ""
for i in range(100_000):
    parts.append(f"item-{i}:{i * i % 97}")
    if i % 10 == 0:
        s += str(i)
joined = ",".join(parts)
back = joined.split(",")
upper = "".join(p.upper() for p in back[:20_000])
print(len(s), len(joined), len(back), len(upper))
