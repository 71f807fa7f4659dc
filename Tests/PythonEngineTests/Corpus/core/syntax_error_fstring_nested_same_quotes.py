# Before 3.12 an f-string cannot reuse its own quote character inside a replacement field.
names = {"a": 1}
print(f"value: {names["a"]}")
