# join() before close() is a misuse.
from multiprocessing import Pool

if __name__ == "__main__":
    pool = Pool(2)
    try:
        pool.join()
    except ValueError as e:
        print("ValueError:", e)
    pool.terminate()
    pool.join()
    print("terminated and joined")
