# Explicit shutdown(); submitting afterwards fails.
from concurrent.futures import ProcessPoolExecutor


def neg(x):
    return -x


if __name__ == "__main__":
    ex = ProcessPoolExecutor(max_workers=2)
    print(ex.submit(neg, 5).result())
    ex.shutdown(wait=True)
    try:
        ex.submit(neg, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)
