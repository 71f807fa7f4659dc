# A pool needs at least one process.
from multiprocessing import Pool

if __name__ == "__main__":
    try:
        Pool(0)
    except ValueError as e:
        print("ValueError:", e)
    Pool(processes=-2)
