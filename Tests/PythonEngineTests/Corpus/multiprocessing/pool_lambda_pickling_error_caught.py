# Catching the pickling error of a lambda sent to a pool.
import pickle
from multiprocessing import Pool


def ok(x):
    return x + 1


if __name__ == "__main__":
    with Pool(2) as pool:
        try:
            pool.map(lambda x: x, [1])
        except pickle.PicklingError as e:
            print("PicklingError:", e)
        print("pool still works:", pool.map(ok, [1, 2]))
