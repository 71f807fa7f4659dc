# Newlines inside brackets do not end the statement.
total = (1 +
         2 +
         3)
items = [
    "a",
    "b",   # trailing comma and a comment
]
point = {"x": 1,
         "y": 2}
print(total, items, point)
print(max(4,
          9,
          2))
