# get(timeout) on an empty queue raises queue.Empty; put/get keep FIFO order.
import queue
from multiprocessing import Queue

if __name__ == "__main__":
    q = Queue()
    for x in ["a", 1, (2, 3), {"k": None}]:
        q.put(x)
    print([q.get() for _ in range(4)])
    try:
        q.get(timeout=0.1)
    except queue.Empty:
        print("queue.Empty raised")
    try:
        q.get_nowait()
    except queue.Empty as e:
        print("get_nowait:", type(e).__name__)
