# Map-reduce word counting: workers count chunks, the parent merges the counters.
from collections import Counter
from multiprocessing import Pool

TEXT = """a process is an instance of a program in execution
a pool of worker processes executes tasks in parallel
each process has its own memory and the pool distributes the tasks""".split("\n")


def count_words(line):
    return Counter(line.split())


if __name__ == "__main__":
    with Pool(3) as pool:
        partials = pool.map(count_words, TEXT)
    total = sum(partials, Counter())
    for word, n in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
        print(word, n)
    print("lines:", len(partials), "words:", sum(total.values()))
