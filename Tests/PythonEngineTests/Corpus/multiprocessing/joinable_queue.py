# JoinableQueue: workers call task_done(), the parent waits with join().
from multiprocessing import JoinableQueue, Process, Queue


def worker(tasks, results):
    while True:
        n = tasks.get()
        if n is None:
            tasks.task_done()
            break
        results.put(n * n)
        tasks.task_done()


if __name__ == "__main__":
    tasks, results = JoinableQueue(), Queue()
    workers = [Process(target=worker, args=(tasks, results)) for _ in range(2)]
    for w in workers:
        w.start()
    for n in range(6):
        tasks.put(n)
    for _ in workers:
        tasks.put(None)
    tasks.join()
    print("all tasks done")
    print(sorted(results.get() for _ in range(6)))
    for w in workers:
        w.join()
