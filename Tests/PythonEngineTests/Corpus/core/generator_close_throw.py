def worker():
    try:
        while True:
            try:
                value = yield
                print("got", value)
            except ValueError as e:
                print("handled", e)
    finally:
        print("cleanup")

g = worker()
next(g)
g.send(1)
g.throw(ValueError("bad"))
g.send(2)
g.close()
print("closed")
def one():
    yield 1
h = one()
print(next(h))
h.throw(KeyError("boom"))
