# order: any
# A Lock shared by processes so that printing does not interleave.
from multiprocessing import Lock, Process


def report(lock, n):
    with lock:
        print(f"worker {n} start")
        print(f"worker {n} end")


if __name__ == "__main__":
    lock = Lock()
    ps = [Process(target=report, args=(lock, n)) for n in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("acquire without blocking:", lock.acquire(False))
    lock.release()
