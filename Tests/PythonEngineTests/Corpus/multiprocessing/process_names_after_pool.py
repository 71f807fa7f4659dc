# Pool workers draw from the same counter as Process names.
import multiprocessing as mp


def noop():
    pass


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        pool.map(abs, [1])
    with mp.Pool(2) as pool:
        pool.map(abs, [1])
    p = mp.Process(target=noop)
    print(p.name)
