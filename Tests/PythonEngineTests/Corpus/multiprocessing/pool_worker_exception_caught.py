# Catching a worker's exception in the parent.
from multiprocessing import Pool


def safe_div(a):
    return 100 // a


if __name__ == "__main__":
    with Pool(2) as pool:
        try:
            pool.map(safe_div, [5, 0, 10])
        except ZeroDivisionError as e:
            print("caught in parent:", type(e).__name__, e)
        r = pool.apply_async(safe_div, (0,))
        try:
            r.get()
        except ZeroDivisionError as e:
            print("get() re-raised:", e)
        print("successful:", r.successful())
