# close() releases the process object; using it afterwards raises ValueError.
from multiprocessing import Process


def hi():
    print("hi from child")


if __name__ == "__main__":
    p = Process(target=hi)
    p.start()
    p.join()
    p.close()
    try:
        p.is_alive()
    except ValueError as e:
        print("ValueError:", e)
    print(p.exitcode)
