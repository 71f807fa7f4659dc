# Assignment-style program: a small bank account class with error handling.
class InsufficientFundsError(Exception):
    pass


class BankAccount:
    interest_rate = 0.02

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("Deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFundsError(f"Cannot withdraw {amount}; balance is {self.balance}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def apply_interest(self):
        self.balance = round(self.balance * (1 + self.interest_rate), 2)

    def __str__(self):
        return f"{self.owner}: ${self.balance:,.2f}"


acct = BankAccount("Alice", 100)
acct.deposit(50)
acct.withdraw(30)
acct.apply_interest()
print(acct)
for amount in (-5, 1000):
    try:
        if amount < 0:
            acct.deposit(amount)
        else:
            acct.withdraw(amount)
    except (ValueError, InsufficientFundsError) as err:
        print(type(err).__name__, "-", err)
print(acct.history)
