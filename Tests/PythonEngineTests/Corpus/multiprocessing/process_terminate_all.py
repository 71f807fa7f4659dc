# Terminating a group of workers that never finish on their own.
import time
from multiprocessing import Process


def spin():
    while True:
        time.sleep(0.01)


if __name__ == "__main__":
    workers = [Process(target=spin, name=f"spinner-{i}") for i in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.terminate()
    for w in workers:
        w.join()
    print([(w.name, w.exitcode) for w in workers])
    print("any alive:", any(w.is_alive() for w in workers))
