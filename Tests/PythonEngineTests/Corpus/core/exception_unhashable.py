try:
    s = {[1, 2]}
except TypeError as e:
    print(e)
d = {}
d[{"a": 1}] = 2
