# initializer/initargs run once in each worker.
from multiprocessing import Pool

settings = {}


def setup(prefix):
    settings["prefix"] = prefix


def tag(x):
    return settings["prefix"] + str(x)


if __name__ == "__main__":
    with Pool(2, initializer=setup, initargs=("job-",)) as pool:
        print(pool.map(tag, range(4)))
    print("parent settings untouched:", settings)
