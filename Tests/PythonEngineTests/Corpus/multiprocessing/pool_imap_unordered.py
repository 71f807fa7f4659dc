# order: any
# imap_unordered yields results as they complete.
from multiprocessing import Pool


def cube(x):
    return x ** 3


if __name__ == "__main__":
    with Pool(3) as pool:
        results = []
        for value in pool.imap_unordered(cube, range(6), chunksize=2):
            print("result", value)
            results.append(value)
    print("sorted:", sorted(results))
