matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row])
print({i: [j for j in range(i)] for i in range(4)})
print([[0] * 2 for _ in range(2)])
