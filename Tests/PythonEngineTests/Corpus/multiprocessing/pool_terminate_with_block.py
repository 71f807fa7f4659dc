# Leaving "with Pool()" calls terminate(): unfinished async work is dropped.
import time
from multiprocessing import Pool


def long_task():
    time.sleep(10)
    return "finished"


if __name__ == "__main__":
    start = time.monotonic()
    with Pool(2) as pool:
        r = pool.apply_async(long_task)
    print("left the pool quickly:", time.monotonic() - start < 5)
    print("ready:", r.ready())
