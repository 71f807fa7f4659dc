# sys.exit(n) in the child becomes its exitcode.
import sys
from multiprocessing import Process


def quit_with(code):
    sys.exit(code)


if __name__ == "__main__":
    for code in (0, 3, 7):
        p = Process(target=quit_with, args=(code,))
        p.start()
        p.join()
        print("exit code", p.exitcode)
