print(ord("A"), ord("a"), ord("€"), ord("\n"))
print(chr(65), chr(97 + 25), chr(8364), repr(chr(10)))
print("".join(chr(ord(c) + 1) for c in "HAL"))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
