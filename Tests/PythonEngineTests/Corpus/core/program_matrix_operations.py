# Matrix multiplication and transpose with plain lists.
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

def transpose(m):
    return [list(r) for r in zip(*m)]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

A = [[1, 2], [3, 4], [5, 6]]
B = [[7, 8, 9], [10, 11, 12]]
C = matmul(A, B)
for row in C:
    print(" ".join(f"{v:4d}" for v in row))
print(transpose(A))
print(matmul(identity(2), [[2, 3], [4, 5]]) == [[2, 3], [4, 5]])
