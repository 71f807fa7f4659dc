# An exception in a worker is re-raised by map() in the parent.
from multiprocessing import Pool


def parse(s):
    return int(s)


if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(parse, ["1", "2"]))
        print(pool.map(parse, ["3", "four", "5"]))
