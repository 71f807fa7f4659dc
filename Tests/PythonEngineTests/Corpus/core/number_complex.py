z = 3 + 4j
print(z)
print(abs(z))
print(z.real, z.imag)
print(z * (1 - 2j))
print(complex(1, 2))
print(1j * 1j)
