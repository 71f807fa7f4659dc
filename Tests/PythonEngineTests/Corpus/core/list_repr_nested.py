nested = [1, [2, [3, []]], (4,), {"k": [5]}, "s", None, True, 1.5]
print(nested)
print(str(nested) == repr(nested))
a = [1, 2]
a.append(a)
print(a)
print([[]] * 3, [()] , [set()])
