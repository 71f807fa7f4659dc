s = list(range(10))
print(s[2:8:2])
print(s[::-1])
print(s[::3])
print(s[-3:])
print(s[8:2:-2])
print(s[100:], s[:-100])
word = "racecar"
print(word[::-1] == word, "hello"[1:4], "hello"[::2])
s[1:3] = ["a", "b", "c"]
print(s)
s[::2] = [0] * len(s[::2])
print(s)
print((1, 2, 3, 4)[1::2])
