# error_callback receives the exception raised in the worker.
from multiprocessing import Pool

errors = []


def risky(n):
    if n == 3:
        raise ValueError(f"cannot handle {n}")
    return n


def on_error(exc):
    errors.append(repr(exc))


if __name__ == "__main__":
    with Pool(2) as pool:
        handles = [pool.apply_async(risky, (i,), error_callback=on_error) for i in range(5)]
        for h in handles:
            h.wait()
        print([h.successful() for h in handles])
    print(errors)
