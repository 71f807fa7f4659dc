s = "  \t padded text \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "www.example.com".strip("cmow."))
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"))
print(repr("   ".strip()))
