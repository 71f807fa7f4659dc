x = 10
name = "Bob"
print(f"{x=}")
print(f"{x * 2 = }")
print(f"{name=}")
print(f"{name=!s}")
print(f"{x=:5d}|")
