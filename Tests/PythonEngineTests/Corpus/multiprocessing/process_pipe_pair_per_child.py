# order: any
# One Pipe per child; the parent gathers the answers.
from multiprocessing import Pipe, Process


def compute(conn, n):
    conn.send(sum(range(n + 1)))
    conn.close()


if __name__ == "__main__":
    pairs = []
    for n in (10, 100, 1000):
        parent_end, child_end = Pipe()
        p = Process(target=compute, args=(child_end, n))
        p.start()
        pairs.append((n, parent_end, p))
    for n, conn, p in pairs:
        print(f"sum to {n} = {conn.recv()}")
        p.join()
