# order: any
# Workers wait for an Event set by the parent.
from multiprocessing import Event, Process


def waiter(ev, n):
    ev.wait()
    print(f"worker {n} released")


if __name__ == "__main__":
    ev = Event()
    ps = [Process(target=waiter, args=(ev, n)) for n in range(3)]
    for p in ps:
        p.start()
    print("is_set before:", ev.is_set())
    ev.set()
    for p in ps:
        p.join()
    print("is_set after:", ev.is_set())
    ev.clear()
    print("wait with timeout:", ev.wait(0.05))
