# daemon flag: default False, settable before start.
import multiprocessing


def child():
    print("daemon inside child:", multiprocessing.current_process().daemon)


if __name__ == "__main__":
    p = multiprocessing.Process(target=child)
    print("default daemon:", p.daemon)
    p.daemon = True
    p.start()
    p.join()
    d = multiprocessing.Process(target=child, daemon=True)
    print("constructor daemon:", d.daemon)
