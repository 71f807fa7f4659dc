# cpu_count() agrees with os.cpu_count().
import os
import multiprocessing


if __name__ == "__main__":
    n = multiprocessing.cpu_count()
    print(n == os.cpu_count(), n >= 1, type(n).__name__)
