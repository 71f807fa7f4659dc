# A child killed by a signal it sends itself.
import os
import signal
from multiprocessing import Process


def die():
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    p = Process(target=die)
    p.start()
    p.join()
    print("exitcode:", p.exitcode)
