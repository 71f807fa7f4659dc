class Base:
    def __init__(self, x):
        self.x = x
        print("Base init")
    def show(self):
        return f"x={self.x}"

class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        print("Child init")
    def show(self):
        return super().show() + f", y={self.y}"

print(Child(1, 2).show())
