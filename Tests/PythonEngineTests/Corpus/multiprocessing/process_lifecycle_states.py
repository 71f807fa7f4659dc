# pid/exitcode/is_alive before start, while running, after join.
import multiprocessing


def wait_for(go):
    go.wait()


if __name__ == "__main__":
    go = multiprocessing.Event()
    p = multiprocessing.Process(target=wait_for, args=(go,))
    print("before start:", p.pid, p.exitcode, p.is_alive())
    p.start()
    print("running:", p.pid is not None, p.exitcode, p.is_alive())
    go.set()
    p.join()
    print("after join:", p.pid is not None, p.exitcode, p.is_alive())
