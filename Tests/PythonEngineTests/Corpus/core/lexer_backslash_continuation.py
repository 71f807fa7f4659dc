# A backslash at the end of a line joins it with the next one.
x = 1 + \
    2 + \
    3
if x > 5 and \
   x < 10:
    print("between", x)
s = "abc" \
    "def"
print(s)
