# Using a pool after close() raises "Pool not running".
from multiprocessing import Pool


def f(x):
    return x


if __name__ == "__main__":
    pool = Pool(2)
    print(pool.map(f, [1, 2]))
    pool.close()
    pool.join()
    try:
        pool.apply_async(f, (1,))
    except ValueError as e:
        print("ValueError:", e)
    pool.map(f, [3])
