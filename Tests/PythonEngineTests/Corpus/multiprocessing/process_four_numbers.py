# order: any
# Q3: four processes, each printing a different number.
import multiprocessing


def show(n):
    print("process", n, "prints", n * n)


if __name__ == "__main__":
    procs = [multiprocessing.Process(target=show, args=(i,)) for i in range(1, 5)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("all done")
