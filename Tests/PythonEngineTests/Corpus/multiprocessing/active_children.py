# active_children() lists running children and reaps finished ones.
import multiprocessing as mp


def wait_for(go):
    go.wait()


if __name__ == "__main__":
    go = mp.Event()
    ps = [mp.Process(target=wait_for, args=(go,)) for _ in range(3)]
    for p in ps:
        p.start()
    kids = mp.active_children()
    print("running:", len(kids), sorted(k.name for k in kids))
    go.set()
    for p in ps:
        p.join()
    print("after join:", mp.active_children())
