# Importing multiprocessing (CPython pays for its module imports here).
import multiprocessing
print(multiprocessing.cpu_count() > 0)
