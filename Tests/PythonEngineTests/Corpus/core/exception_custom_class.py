class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed

class BankError(Exception):
    pass

try:
    raise InsufficientFunds(50, 20)
except InsufficientFunds as e:
    print("caught:", e, e.needed)
print(repr(BankError("x")), str(BankError()), BankError("a", 1).args)
raise InsufficientFunds(100, 1)
