# terminate() sends SIGTERM: exitcode is -15.
import time
from multiprocessing import Process


def forever():
    while True:
        time.sleep(0.05)


if __name__ == "__main__":
    p = Process(target=forever)
    p.start()
    time.sleep(0.1)
    print("alive before terminate:", p.is_alive())
    p.terminate()
    p.join()
    print("alive after:", p.is_alive(), "exitcode:", p.exitcode)
