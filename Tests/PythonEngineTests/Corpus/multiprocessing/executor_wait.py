# wait() with ALL_COMPLETED returns done and not_done sets.
from concurrent.futures import ALL_COMPLETED, ProcessPoolExecutor, wait


def square(x):
    return x * x


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        futs = [ex.submit(square, i) for i in range(5)]
        done, not_done = wait(futs, timeout=10, return_when=ALL_COMPLETED)
        print(len(done), len(not_done))
        print(sorted(f.result() for f in done))
