# map_async returns an AsyncResult.
from multiprocessing import Pool


def inc(x):
    return x + 1


if __name__ == "__main__":
    with Pool(2) as pool:
        res = pool.map_async(inc, [1, 2, 3])
        print(type(res).__name__)
        print(res.get(timeout=10))
        print(res.ready(), res.successful())
