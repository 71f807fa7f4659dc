class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

print(Money(5) == Money(5))
print(Money(5) == Money(6))
print(Money(5) != Money(6))
print(Money(5) == 5)
print(Money(5) in [Money(1), Money(5)])
class Plain:
    pass
p = Plain()
print(p == p, Plain() == Plain())
