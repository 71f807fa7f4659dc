def nothing():
    pass

def early(x):
    if x < 0:
        return
    return x * 2

print(nothing())
print(early(-1), early(4))
r = print("inner")
print(r)
