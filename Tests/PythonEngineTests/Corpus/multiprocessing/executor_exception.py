# A worker's exception is stored in the Future and re-raised by result().
from concurrent.futures import ProcessPoolExecutor


def inverse(x):
    return 1 / x


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        ok = ex.submit(inverse, 4)
        bad = ex.submit(inverse, 0)
        print(ok.result())
        print(repr(bad.exception()))
        bad.result()
