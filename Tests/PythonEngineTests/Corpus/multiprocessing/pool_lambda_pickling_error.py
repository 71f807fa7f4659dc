# A lambda cannot be pickled to send to pool workers.
from multiprocessing import Pool

if __name__ == "__main__":
    with Pool(2) as pool:
        print("mapping a lambda")
        pool.map(lambda x: x * 2, [1, 2, 3])
