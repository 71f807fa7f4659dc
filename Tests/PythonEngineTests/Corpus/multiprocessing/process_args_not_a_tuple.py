# A common slip: args=(5) is just 5, not a tuple.
from multiprocessing import Process


def show(n):
    print(n)


if __name__ == "__main__":
    ok = Process(target=show, args=(5,))
    ok.start()
    ok.join()
    bad = Process(target=show, args=(5))
    bad.start()
