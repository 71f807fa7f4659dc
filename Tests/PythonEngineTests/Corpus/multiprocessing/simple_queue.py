# SimpleQueue between a parent and a child.
from multiprocessing import Process, SimpleQueue


def worker(inbox, outbox):
    while (task := inbox.get()) is not None:
        outbox.put(task.upper())


if __name__ == "__main__":
    inbox, outbox = SimpleQueue(), SimpleQueue()
    p = Process(target=worker, args=(inbox, outbox))
    p.start()
    for word in ["fork", "spawn", "pool"]:
        inbox.put(word)
    inbox.put(None)
    print([outbox.get() for _ in range(3)])
    p.join()
    print("empty:", outbox.empty())
