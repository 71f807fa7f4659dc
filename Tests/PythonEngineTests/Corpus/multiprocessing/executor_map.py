# concurrent.futures.ProcessPoolExecutor.map keeps input order.
from concurrent.futures import ProcessPoolExecutor


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(fib, range(10))))
        print(list(ex.map(pow, [2, 3], [5, 2])))
