# An RLock can be acquired again by its owner; a Lock cannot.
from multiprocessing import Lock, Process, RLock


def nested(rlock):
    with rlock:
        with rlock:
            print("child acquired the RLock twice")


if __name__ == "__main__":
    r = RLock()
    p = Process(target=nested, args=(r,))
    p.start()
    p.join()
    plain = Lock()
    plain.acquire()
    print("second acquire of a plain Lock:", plain.acquire(timeout=0.05))
    plain.release()
