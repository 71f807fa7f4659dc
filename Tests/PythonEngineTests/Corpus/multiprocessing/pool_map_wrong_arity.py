# map passes one argument per call; a two-argument function needs starmap.
from multiprocessing import Pool


def add(a, b):
    return a + b


if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(pool.map(add, [(1, 2), (3, 4)]))
