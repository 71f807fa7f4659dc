path = r"C:\new\table"
print(path)
print(len(path))
print(r"\d+\s*")
print(repr(r"a\nb"))
print(R"upper\t")
