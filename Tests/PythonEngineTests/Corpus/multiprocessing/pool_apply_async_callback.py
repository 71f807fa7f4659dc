# apply_async with a callback that collects results in the parent.
from multiprocessing import Pool

collected = []


def work(n):
    return n * 10


def on_done(result):
    collected.append(result)


if __name__ == "__main__":
    pool = Pool(2)
    handles = [pool.apply_async(work, (i,), callback=on_done) for i in range(5)]
    pool.close()
    pool.join()
    print(sorted(collected))
    print([h.get() for h in handles])
    print(all(h.ready() and h.successful() for h in handles))
