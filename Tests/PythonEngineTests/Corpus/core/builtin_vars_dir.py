class P:
    kind = "point"
    def __init__(self):
        self.x = 1
        self.y = 2

p = P()
print(vars(p))
p.z = 3
print(vars(p), p.__dict__ is vars(p))
print("kind" in vars(P), "x" in dir(p), "upper" in dir("s"))
