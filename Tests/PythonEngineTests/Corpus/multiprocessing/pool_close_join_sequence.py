# The classic close()/join() sequence without a with block.
from multiprocessing import Pool


def length(word):
    return len(word)


if __name__ == "__main__":
    words = ["process", "pool", "queue", "pipe"]
    pool = Pool(processes=2)
    lengths = pool.map(length, words)
    pool.close()
    pool.join()
    for w, n in zip(words, lengths):
        print(f"{w}: {n}")
