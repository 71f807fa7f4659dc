# Every result of a pool is computed in a worker process, never in the parent.
import os
from multiprocessing import Pool


def where(x):
    return x, os.getpid()


if __name__ == "__main__":
    me = os.getpid()
    with Pool(3) as pool:
        results = pool.map(where, range(9))
    print([x for x, _ in results])
    print("none computed in the parent:", all(pid != me for _, pid in results))
    print("at most 3 worker pids:", len({pid for _, pid in results}) <= 3)
