# starmap unpacks argument tuples.
from multiprocessing import Pool


def power(base, exp):
    return base ** exp


if __name__ == "__main__":
    pairs = [(2, 3), (3, 2), (10, 0), (5, 5)]
    with Pool(2) as pool:
        print(pool.starmap(power, pairs))
        print(pool.starmap(max, [(1, 9, 4), (7, 2)]))
