# order: any
# Collecting results from several processes with a Queue.
from multiprocessing import Process, Queue


def square(n, q):
    q.put((n, n * n))


if __name__ == "__main__":
    q = Queue()
    ps = [Process(target=square, args=(i, q)) for i in range(5)]
    for p in ps:
        p.start()
    results = dict(q.get() for _ in ps)
    for p in ps:
        p.join()
    print(sorted(results.items()))
    for n in range(5):
        print(n, "->", results[n])
