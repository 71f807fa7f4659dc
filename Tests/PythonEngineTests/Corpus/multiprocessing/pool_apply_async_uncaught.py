# An exception from apply_async surfaces when get() is called.
from multiprocessing import Pool


def divide(a, b):
    return a / b


if __name__ == "__main__":
    with Pool(2) as pool:
        good = pool.apply_async(divide, (1, 4))
        bad = pool.apply_async(divide, (1, 0))
        print(good.get())
        print(bad.get())
