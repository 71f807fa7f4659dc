d = {}
d["zebra"] = 1
d["apple"] = 2
d["mango"] = 3
print(d)
print(list(d), list(d.values()))
d["zebra"] = 10
print(d)
del d["apple"]
d["apple"] = 4
print(d)
print(dict.fromkeys("cab", 0))
