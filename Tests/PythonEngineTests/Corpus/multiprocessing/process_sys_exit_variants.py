# How different ways of ending a child map to exit codes.
import sys
from multiprocessing import Process


def ends_normally():
    pass


def exit_none():
    sys.exit()


def exit_message():
    sys.exit("child gave up")


def raise_system_exit():
    raise SystemExit(2)


if __name__ == "__main__":
    for fn in (ends_normally, exit_none, exit_message, raise_system_exit):
        p = Process(target=fn)
        p.start()
        p.join()
        print(f"{fn.__name__}: {p.exitcode}")
