# Starting the same Process twice is an error.
from multiprocessing import Process


def work():
    print("working")


if __name__ == "__main__":
    p = Process(target=work)
    p.start()
    p.join()
    p.start()
