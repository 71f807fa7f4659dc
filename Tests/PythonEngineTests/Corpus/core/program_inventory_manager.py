# Inventory with restocking rules, using dicts and a small class.
class Item:
    def __init__(self, name, qty, price):
        self.name, self.qty, self.price = name, qty, price

    @property
    def value(self):
        return self.qty * self.price

    def __repr__(self):
        return f"Item({self.name!r}, qty={self.qty})"

inventory = {i.name: i for i in [Item("bolt", 120, 0.05), Item("nut", 8, 0.03), Item("gear", 3, 4.5)]}
orders = [("bolt", 30), ("gear", 2), ("nut", 10), ("spring", 1)]
for name, qty in orders:
    item = inventory.get(name)
    if item is None:
        print(f"unknown item {name!r}")
    elif item.qty < qty:
        print(f"cannot ship {qty} x {name}: only {item.qty}")
    else:
        item.qty -= qty
        print(f"shipped {qty} x {name}")
low = [i for i in inventory.values() if i.qty < 10]
print("restock:", low)
print(f"total value: {sum(i.value for i in inventory.values()):.2f}")
