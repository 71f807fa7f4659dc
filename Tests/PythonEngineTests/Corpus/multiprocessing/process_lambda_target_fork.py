# Under the default fork start method a lambda target is fine (nothing is pickled).
from multiprocessing import Process

if __name__ == "__main__":
    p = Process(target=lambda: print("lambda ran in child"))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
