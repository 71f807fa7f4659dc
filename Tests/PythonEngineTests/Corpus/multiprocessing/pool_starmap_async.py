# starmap_async with a callback receiving the whole result list.
from multiprocessing import Pool


def add(a, b):
    return a + b


def show(results):
    print("callback got", results)


if __name__ == "__main__":
    with Pool(2) as pool:
        r = pool.starmap_async(add, [(1, 2), (3, 4), (5, 6)], callback=show)
        r.wait()
        print("get:", r.get())
