# AsyncResult.get(timeout) raises multiprocessing.TimeoutError.
import multiprocessing
import time


def slow(x):
    time.sleep(2)
    return x


if __name__ == "__main__":
    with multiprocessing.Pool(1) as pool:
        r = pool.apply_async(slow, (1,))
        try:
            r.get(timeout=0.1)
        except multiprocessing.TimeoutError as e:
            print("timed out:", type(e).__name__, r.ready())
        print("leaving the with block terminates the pool")
