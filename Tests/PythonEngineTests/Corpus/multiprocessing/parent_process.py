# parent_process() is None in the main process and the parent inside a child.
import os
import multiprocessing as mp


def child(parent_pid):
    parent = mp.parent_process()
    print("child sees parent:", parent.name, parent.pid == parent_pid)


if __name__ == "__main__":
    print("main has parent:", mp.parent_process())
    p = mp.Process(target=child, args=(os.getpid(),))
    p.start()
    p.join()
