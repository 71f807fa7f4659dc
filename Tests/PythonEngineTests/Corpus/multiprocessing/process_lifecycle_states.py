# pid/exitcode/is_alive before start, while running, after join.
import multiprocessing
import time


def nap():
    time.sleep(0.2)


if __name__ == "__main__":
    p = multiprocessing.Process(target=nap)
    print("before start:", p.pid, p.exitcode, p.is_alive())
    p.start()
    print("running:", p.pid is not None, p.exitcode, p.is_alive())
    p.join()
    print("after join:", p.pid is not None, p.exitcode, p.is_alive())
