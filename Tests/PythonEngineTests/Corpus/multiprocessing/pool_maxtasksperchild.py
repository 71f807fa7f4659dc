# maxtasksperchild replaces workers, results are unaffected.
from multiprocessing import Pool


def triple(x):
    return 3 * x


if __name__ == "__main__":
    with Pool(2, maxtasksperchild=1) as pool:
        print(pool.map(triple, range(6), chunksize=1))
