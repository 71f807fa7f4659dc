# Pool workers write into a Manager dict passed as an argument.
from multiprocessing import Manager, Pool


def store(args):
    shared, key = args
    shared[key] = len(key)


if __name__ == "__main__":
    with Manager() as manager:
        shared = manager.dict()
        with Pool(2) as pool:
            pool.map(store, [(shared, k) for k in ["fork", "spawn", "forkserver"]])
        print(sorted(shared.items()))
        print(type(shared).__name__)
