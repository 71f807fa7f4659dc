class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, x):
        return x * self.factor

triple = Multiplier(3)
print(triple(5))
print(list(map(triple, [1, 2])))
print(callable(triple), callable(5))
