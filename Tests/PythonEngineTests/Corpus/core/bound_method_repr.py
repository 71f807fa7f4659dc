class Dog:
    def bark(self):
        return "woof"

d = Dog()
m = d.bark
print(m())
print(m)
print(m.__self__ is d, m.__func__ is Dog.bark)
print([].append)
