# imap with a chunksize still yields results in order.
from multiprocessing import Pool


def tag(x):
    return f"<{x}>"


if __name__ == "__main__":
    with Pool(2) as pool:
        print(list(pool.imap(tag, range(7), chunksize=3)))
        print(sorted(pool.imap_unordered(tag, range(5), chunksize=2)))
