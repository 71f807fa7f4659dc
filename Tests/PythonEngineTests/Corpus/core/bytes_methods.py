b = b"Hello, World"
print(b.upper(), b.lower(), b.split(b", "))
print(b.startswith(b"Hell"), b.find(b"o"), b.replace(b"l", b"L"))
print(b.hex(), bytes.fromhex("414243"))
print(bytearray(b"ab") + b"c", len(b))
ba = bytearray(3)
ba[0] = 65
print(ba, bytes(ba))
print(b"abc" == b"abc", b"a" < b"b", b"x" * 3)
