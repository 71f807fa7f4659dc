def describe(**info):
    for key, value in info.items():
        print(key, "=", value)
    return len(info)

print(describe(a=1, b="two"))
opts = {"x": 1, "y": 2}
print(describe(**opts, z=3))
def mixed(a, *args, b=0, **kw):
    return a, args, b, kw
print(mixed(1, 2, 3, b=4, c=5))
