x = 3
assert x > 0
print("first assert passed")
assert x > 5
