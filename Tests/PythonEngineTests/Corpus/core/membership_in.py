print(3 in [1, 2, 3], 4 not in [1, 2, 3])
print("ell" in "hello", "z" in "hello")
d = {"a": 1}
print("a" in d, 1 in d)
print(2 in {1, 2}, 5 in range(0, 10, 5), 7 in range(0, 10, 5))
print((1, 2) in [(1, 2)])
