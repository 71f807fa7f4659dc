# map with an explicit chunksize keeps results in input order.
from multiprocessing import Pool


def label(n):
    return f"item-{n}"


if __name__ == "__main__":
    with Pool(3) as pool:
        print(pool.map(label, range(7), chunksize=3))
        print(pool.map(label, [], chunksize=2))
        print(pool.map(label, iter(range(3))))
