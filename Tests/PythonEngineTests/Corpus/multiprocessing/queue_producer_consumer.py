# A producer and a consumer process connected by a Queue, with a sentinel.
from multiprocessing import Process, Queue


def producer(q, n):
    for i in range(n):
        q.put(f"item {i}")
    q.put(None)


def consumer(q):
    while True:
        item = q.get()
        if item is None:
            break
        print("consumed", item)


if __name__ == "__main__":
    q = Queue()
    p = Process(target=producer, args=(q, 4))
    c = Process(target=consumer, args=(q,))
    p.start()
    c.start()
    p.join()
    c.join()
    print("exit codes", p.exitcode, c.exitcode)
