class Car:
    def __init__(self):
        self.speed = 0

c = Car()
try:
    c.fly()
except AttributeError as e:
    print(e)
try:
    None.append(1)
except AttributeError as e:
    print(e)
try:
    (5).real = 3
except AttributeError as e:
    print(e)
print([].push(1))
