# Each child has its own PID; its parent PID is ours.
import os
from multiprocessing import Process


def report(parent_pid):
    print("child pid differs from parent:", os.getpid() != parent_pid)
    print("child's parent is the main process:", os.getppid() == parent_pid)


if __name__ == "__main__":
    p = Process(target=report, args=(os.getpid(),))
    p.start()
    p.join()
    print("pid is not None:", p.pid is not None, "pid != mine:", p.pid != os.getpid())
