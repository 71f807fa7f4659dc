class Account:
    bank = "PyBank"
    count = 0

    def __init__(self, owner):
        self.owner = owner
        Account.count += 1

a = Account("ann")
b = Account("bob")
print(Account.count, a.count, b.bank)
a.bank = "Other"
print(a.bank, b.bank, Account.bank)
print(sorted(vars(a)))
