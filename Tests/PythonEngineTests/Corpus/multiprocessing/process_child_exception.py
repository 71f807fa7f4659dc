# An uncaught exception in a child: traceback on stderr, exitcode 1, parent continues.
from multiprocessing import Process


def fail():
    raise ValueError("bad input in child")


if __name__ == "__main__":
    p = Process(target=fail)
    p.start()
    p.join()
    print("child exit code:", p.exitcode)
    print("parent still running")
