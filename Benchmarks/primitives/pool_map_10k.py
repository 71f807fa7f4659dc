# pool.map over 10,000 small items (default chunking).
from multiprocessing import Pool

def inc(x):
    return x + 1

if __name__ == "__main__":
    with Pool(4) as pool:
        out = pool.map(inc, range(10_000))
    print(len(out), sum(out))
