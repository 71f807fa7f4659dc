# Builds a nested report with dicts/lists and prints it with manual formatting.
orders = [
    {"id": 1, "customer": "ann", "items": [("pen", 2, 1.5), ("pad", 1, 3.0)]},
    {"id": 2, "customer": "bob", "items": [("ink", 3, 7.25)]},
    {"id": 3, "customer": "ann", "items": []},
]
by_customer = {}
for order in orders:
    total = sum(q * p for _, q, p in order["items"])
    entry = by_customer.setdefault(order["customer"], {"orders": 0, "total": 0.0})
    entry["orders"] += 1
    entry["total"] += total
print(by_customer)
for name, info in by_customer.items():
    print(f"{name}: {info['orders']} order(s), {info['total']:.2f} total")
empty = [o["id"] for o in orders if not o["items"]]
print("empty orders:", empty)
