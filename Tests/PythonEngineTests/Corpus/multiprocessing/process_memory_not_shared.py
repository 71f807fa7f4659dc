# Processes do not share memory: a child's change to a global is invisible to the parent.
from multiprocessing import Process

results = []


def add_items():
    for i in range(3):
        results.append(i)
    print("child sees", results)


if __name__ == "__main__":
    p = Process(target=add_items)
    p.start()
    p.join()
    print("parent sees", results)
