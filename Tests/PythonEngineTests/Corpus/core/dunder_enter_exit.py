class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is ValueError

with Resource("a") as r:
    print("using", r.name)

with Resource("b"):
    raise ValueError("swallowed")
print("after b")

try:
    with Resource("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
