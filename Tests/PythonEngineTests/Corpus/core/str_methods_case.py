s = "hello WORLD, it's a fine day"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("ǅemo".casefold(), "Straße".upper(), "ß".casefold())
