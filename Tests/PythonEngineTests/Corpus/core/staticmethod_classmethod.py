class Temperature:
    unit = "C"
    def __init__(self, degrees):
        self.degrees = degrees
    @classmethod
    def from_fahrenheit(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))
    @staticmethod
    def is_valid(d):
        return d > -273.15
    def __repr__(self):
        return f"{self.degrees}{self.unit}"

print(Temperature.from_fahrenheit(212))
print(Temperature.is_valid(-300), Temperature(5).is_valid(5))
class Kelvin(Temperature):
    unit = "K"
print(Kelvin.from_fahrenheit(32), type(Kelvin.from_fahrenheit(32)).__name__)
