# Pool workers are named ForkPoolWorker-N.
import multiprocessing as mp


def name_of(_):
    return mp.current_process().name


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        names = set(pool.map(name_of, range(20), chunksize=1))
    print(all(n.startswith("ForkPoolWorker-") for n in names))
    print(names <= {"ForkPoolWorker-1", "ForkPoolWorker-2"})
