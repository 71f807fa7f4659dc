# imap yields results lazily, in input order.
from multiprocessing import Pool
import time


def slow_double(x):
    time.sleep(0.01 * (5 - x))
    return x * 2


if __name__ == "__main__":
    with Pool(3) as pool:
        it = pool.imap(slow_double, range(5))
        print(type(it).__name__)
        for value in it:
            print("got", value)
