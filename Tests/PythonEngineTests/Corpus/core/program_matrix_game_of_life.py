# Conway's game of life on a small torus.
def step(grid):
    rows, cols = len(grid), len(grid[0])
    def neighbours(r, c):
        return sum(grid[(r + dr) % rows][(c + dc) % cols]
                   for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
    return [[1 if (n := neighbours(r, c)) == 3 or (grid[r][c] and n == 2) else 0
             for c in range(cols)] for r in range(rows)]

grid = [[0, 1, 0, 0, 0],
        [0, 0, 1, 0, 0],
        [1, 1, 1, 0, 0],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0]]
for gen in range(3):
    print(f"generation {gen}:")
    print("\n".join("".join("#" if v else "." for v in row) for row in grid))
    grid = step(grid)
