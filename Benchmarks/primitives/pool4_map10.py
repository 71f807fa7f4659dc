# Pool(4): create, map over range(10), close, join.
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    pool = Pool(4)
    print(pool.map(square, range(10)))
    pool.close()
    pool.join()
