# order: any
# A Process subclass that overrides run().
from multiprocessing import Process


class Worker(Process):
    def __init__(self, number):
        super().__init__()
        self.number = number

    def run(self):
        print(f"worker {self.number} running in {self.name}")


if __name__ == "__main__":
    workers = [Worker(n) for n in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print([w.exitcode for w in workers])
