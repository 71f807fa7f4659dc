# Pool workers under spawn are SpawnPoolWorker-N.
import multiprocessing as mp


def name(_):
    return mp.current_process().name.rsplit("-", 1)[0]


if __name__ == "__main__":
    with mp.get_context("spawn").Pool(2) as pool:
        print(sorted(set(pool.map(name, range(4)))))
