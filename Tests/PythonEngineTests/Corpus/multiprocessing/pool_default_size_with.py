# Q2 variant: "with Pool() as p" uses os.cpu_count() workers by default.
import os
from multiprocessing import Pool


def is_even(n):
    return n % 2 == 0


if __name__ == "__main__":
    with Pool() as p:
        flags = p.map(is_even, range(8))
    print(flags)
    print("cpu_count known:", os.cpu_count() is not None)
