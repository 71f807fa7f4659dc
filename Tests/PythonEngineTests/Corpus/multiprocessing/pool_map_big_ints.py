# Arbitrary-size integers and nested containers cross to workers and back.
from multiprocessing import Pool


def describe(x):
    return {"value": x, "digits": len(str(x)), "parts": (x % 10, [x // 10 ** 30])}


if __name__ == "__main__":
    with Pool(2) as pool:
        for d in pool.map(describe, [2 ** 100, 10 ** 40 + 7]):
            print(d)
