# kill() sends SIGKILL: exitcode is -9.
import signal
import time
from multiprocessing import Process


def sleeper():
    time.sleep(30)


if __name__ == "__main__":
    p = Process(target=sleeper)
    p.start()
    p.kill()
    p.join()
    print(p.exitcode, p.exitcode == -signal.SIGKILL)
