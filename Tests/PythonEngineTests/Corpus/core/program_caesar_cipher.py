# Caesar cipher encode/decode and brute force.
def shift(text, k):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

secret = shift("Hello, World!", 3)
print(secret)
print(shift(secret, -3))
for k in range(1, 4):
    print(k, shift("Khoor", -k))
