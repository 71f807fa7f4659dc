# The parallel and sequential answers must agree.
from multiprocessing import Pool


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


if __name__ == "__main__":
    numbers = list(range(1, 2001))
    sequential = list(map(collatz_steps, numbers))
    with Pool(4) as pool:
        parallel = pool.map(collatz_steps, numbers)
    print(parallel == sequential)
    best = max(numbers, key=lambda n: parallel[n - 1])
    print("longest chain under 2000 starts at", best, "with", parallel[best - 1], "steps")
