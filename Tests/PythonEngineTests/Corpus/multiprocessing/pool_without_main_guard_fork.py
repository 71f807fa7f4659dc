# Under fork (the Linux default in 3.11) a pool at module level works without a main guard.
from multiprocessing import Pool


def shout(word):
    return word.upper() + "!"


pool = Pool(2)
print(pool.map(shout, ["fork", "works"]))
pool.close()
pool.join()
print("done")
