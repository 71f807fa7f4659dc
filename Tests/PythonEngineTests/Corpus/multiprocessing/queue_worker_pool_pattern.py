# order: any
# A hand-made worker pool: N workers take tasks from one Queue and put results on another.
from multiprocessing import Process, Queue


def worker(wid, tasks, results):
    while True:
        task = tasks.get()
        if task is None:
            break
        results.put((task, task ** 2))
    print(f"worker {wid} stopping")


if __name__ == "__main__":
    tasks, results = Queue(), Queue()
    workers = [Process(target=worker, args=(w, tasks, results)) for w in range(3)]
    for w in workers:
        w.start()
    for t in range(10):
        tasks.put(t)
    for _ in workers:
        tasks.put(None)
    collected = sorted(results.get() for _ in range(10))
    for w in workers:
        w.join()
    print(collected)
