# Four processes increment a shared Value under its lock.
from multiprocessing import Process, Value


def bump(counter, times):
    for _ in range(times):
        with counter.get_lock():
            counter.value += 1


if __name__ == "__main__":
    counter = Value("i", 0)
    ps = [Process(target=bump, args=(counter, 500)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("final count:", counter.value)
    v = Value("d", 1.5)
    print(v.value, type(v.value).__name__)
