# Output printed before start() is flushed first, so children do not repeat it.
from multiprocessing import Process


def child():
    print("child line")


if __name__ == "__main__":
    print("printed once, before the fork")
    p = Process(target=child)
    p.start()
    p.join()
    print("printed once, after the join")
