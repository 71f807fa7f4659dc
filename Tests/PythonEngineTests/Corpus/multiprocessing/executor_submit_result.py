# submit() returns a Future; result() waits for it.
from concurrent.futures import ProcessPoolExecutor


def area(w, h):
    return w * h


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        fut = ex.submit(area, 3, h=4)
        print(fut.result(timeout=10))
        print(fut.done(), fut.cancelled(), fut.exception())
