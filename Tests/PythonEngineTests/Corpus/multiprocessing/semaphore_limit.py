# A Semaphore(2) lets at most two workers in at once.
import time
from multiprocessing import Process, Semaphore, Value


def worker(sem, inside, peak):
    with sem:
        with inside.get_lock():
            inside.value += 1
            peak.value = max(peak.value, inside.value)
        time.sleep(0.05)
        with inside.get_lock():
            inside.value -= 1


if __name__ == "__main__":
    sem = Semaphore(2)
    inside, peak = Value("i", 0), Value("i", 0)
    ps = [Process(target=worker, args=(sem, inside, peak)) for _ in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("peak concurrency at most 2:", 1 <= peak.value <= 2)
    print("inside now:", inside.value)
