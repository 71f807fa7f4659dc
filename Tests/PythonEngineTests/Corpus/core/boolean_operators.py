print(True and False, True or False, not True)
print(0 or "default", "" or [] or None)
print(3 and 4, 0 and 4)
print(not 0, not [], not "x")
def side(x):
    print("called", x)
    return x
print(side(0) and side(1))
print(side(2) or side(3))
print(None or 0, [] and 1)
