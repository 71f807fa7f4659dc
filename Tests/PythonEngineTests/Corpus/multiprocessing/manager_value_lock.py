# Manager Value and Lock used by pool workers.
from multiprocessing import Manager, Pool


def add_one(args):
    counter, lock = args
    with lock:
        counter.value += 1
    return True


if __name__ == "__main__":
    with Manager() as m:
        counter = m.Value("i", 0)
        lock = m.Lock()
        with Pool(2) as pool:
            done = pool.map(add_one, [(counter, lock)] * 8)
        print(all(done), counter.value)
