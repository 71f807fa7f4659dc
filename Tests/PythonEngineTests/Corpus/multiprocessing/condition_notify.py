# A Condition used to hand a value from a child to the parent.
from multiprocessing import Condition, Process, Value


def producer(cond, box):
    with cond:
        box.value = 42
        cond.notify_all()


if __name__ == "__main__":
    cond = Condition()
    box = Value("i", 0)
    with cond:
        p = Process(target=producer, args=(cond, box))
        p.start()
        ok = cond.wait_for(lambda: box.value != 0, timeout=10)
    p.join()
    print("predicate true:", ok, "value:", box.value)
