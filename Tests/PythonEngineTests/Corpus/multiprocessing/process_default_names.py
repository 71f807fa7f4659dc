# Default names are Process-1, Process-2, ... and the parent is MainProcess.
import multiprocessing


def noop():
    pass


if __name__ == "__main__":
    print(multiprocessing.current_process().name)
    procs = [multiprocessing.Process(target=noop) for _ in range(3)]
    print([p.name for p in procs])
    for p in procs:
        p.start()
        p.join()
    named = multiprocessing.Process(target=noop, name="custom-worker")
    print(named.name)
