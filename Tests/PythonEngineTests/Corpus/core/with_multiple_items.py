class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"<{self.name}>")
        return self.name
    def __exit__(self, *args):
        print(f"</{self.name}>")

with Tag("a") as a, Tag("b") as b:
    print("inside", a, b)

with (Tag("x") as x,
      Tag("y") as y):
    print("parenthesized", x, y)
