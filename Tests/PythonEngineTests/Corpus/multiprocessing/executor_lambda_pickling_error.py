# ProcessPoolExecutor must pickle the callable too: a lambda fails when the result is fetched.
from concurrent.futures import ProcessPoolExecutor

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        fut = ex.submit(lambda: 42)
        print("submitted")
        print(fut.result())
