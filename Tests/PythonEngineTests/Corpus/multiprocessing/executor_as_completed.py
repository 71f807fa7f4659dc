# order: any
# as_completed yields futures as they finish.
from concurrent.futures import ProcessPoolExecutor, as_completed


def check(n):
    return n, all(n % d for d in range(2, n))


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3) as ex:
        futures = {ex.submit(check, n): n for n in [11, 12, 13, 14, 15]}
        for fut in as_completed(futures):
            n, prime = fut.result()
            print(n, "is prime" if prime else "is not prime")
