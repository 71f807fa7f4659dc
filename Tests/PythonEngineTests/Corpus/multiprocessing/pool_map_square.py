# Q2: a pool of worker processes squaring numbers.
from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    with Pool(4) as pool:
        result = pool.map(square, range(10))
    print(result)
    print("sum of squares:", sum(result))
