# Q1: create a process with a target function and arguments.
from multiprocessing import Process


def greet(name, times):
    for i in range(times):
        print(f"hello {name} #{i}")


if __name__ == "__main__":
    print("parent: starting child")
    p = Process(target=greet, args=("world", 3))
    p.start()
    p.join()
    print("parent: child finished with exit code", p.exitcode)
