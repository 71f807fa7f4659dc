# One Process start + join.
from multiprocessing import Process

def work(n):
    print("child", n)

if __name__ == "__main__":
    p = Process(target=work, args=(1,))
    p.start()
    p.join()
    print("exit", p.exitcode)
