# join(timeout) returns even if the child is still running.
import time
from multiprocessing import Process


def slow():
    time.sleep(5)


if __name__ == "__main__":
    p = Process(target=slow)
    p.start()
    p.join(timeout=0.1)
    print("still alive after join(0.1):", p.is_alive(), p.exitcode)
    p.terminate()
    p.join()
    print("terminated:", p.exitcode)
