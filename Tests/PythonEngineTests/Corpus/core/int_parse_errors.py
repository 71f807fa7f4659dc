for text in ["12", " 7 ", "1.5", "", "abc", "١٢", "0x10"]:
    try:
        print(repr(text), int(text))
    except ValueError as e:
        print(repr(text), "ValueError:", e)
try:
    float("one")
except ValueError as e:
    print("ValueError:", e)
print(int("0x10", 16), int("10", base=3))
