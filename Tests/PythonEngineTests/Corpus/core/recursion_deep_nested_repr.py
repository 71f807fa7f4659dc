# Deeply nested data: building it is fine, printing it hits the recursion limit.
nested = []
for _ in range(100000):
    nested = [nested]
depth = 0
node = nested
while node:
    node = node[0]
    depth += 1
print("depth", depth)
shallow = [[[[1]]]]
print(shallow)
print(nested)
