# order: any
# A Barrier: nobody passes until all three have arrived.
from multiprocessing import Barrier, Process


def phase(barrier, n):
    print(f"worker {n} before barrier")
    barrier.wait()
    print(f"worker {n} after barrier")


if __name__ == "__main__":
    b = Barrier(3)
    ps = [Process(target=phase, args=(b, n)) for n in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("parties:", b.parties, "broken:", b.broken)
