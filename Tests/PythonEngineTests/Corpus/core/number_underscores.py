million = 1_000_000
print(million)
print(0x_ff_ff, 0b_1010_1010)
print(1_000.000_1)
print(int("1_000"))
print(f"{million:_}")
