# A function defined inside another function cannot be pickled.
from multiprocessing import Pool


def main():
    def double(x):
        return 2 * x

    with Pool(2) as pool:
        print(pool.map(double, [1, 2]))


if __name__ == "__main__":
    main()
