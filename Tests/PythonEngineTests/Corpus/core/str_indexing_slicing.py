s = "Python"
print(s[0], s[-1], s[2:4], s[:2], s[3:])
print(s[::-1], s[1::2], s[-3:-1])
print(len(s), s * 2, s + "!")
try:
    s[0] = "J"
except TypeError as e:
    print("TypeError:", e)
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
