# active_children() lists running children and reaps finished ones.
import time
import multiprocessing as mp


def nap(t):
    time.sleep(t)


if __name__ == "__main__":
    ps = [mp.Process(target=nap, args=(0.3,)) for _ in range(3)]
    for p in ps:
        p.start()
    kids = mp.active_children()
    print("running:", len(kids), sorted(k.name for k in kids))
    for p in ps:
        p.join()
    print("after join:", mp.active_children())
