class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} says {self.speak()}"

class Dog(Animal):
    def speak(self):
        return "Woof"

class Puppy(Dog):
    def speak(self):
        return "Yip"

for a in [Animal("generic"), Dog("Rex"), Puppy("Bit")]:
    print(a.describe())
print(issubclass(Puppy, Animal), Puppy.__mro__[1].__name__)
