# apply blocks until the result is ready.
from multiprocessing import Pool
import os


def whose(x):
    return x, os.getpid() != parent


parent = os.getpid()

if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.apply(whose, (5,)))
        print(pool.apply(divmod, (17, 5)))
        print(pool.apply(sorted, ([3, 1, 2],), {"reverse": True}))
