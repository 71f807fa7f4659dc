# order: any
# current_process() inside children and in the parent.
import multiprocessing as mp


def who():
    proc = mp.current_process()
    print("I am", proc.name)


if __name__ == "__main__":
    print("parent is", mp.current_process().name)
    ps = [mp.Process(target=who) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
