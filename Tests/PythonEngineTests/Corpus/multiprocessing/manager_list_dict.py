# A Manager's list and dict are shared by proxy.
from multiprocessing import Manager, Process


def record(shared_list, shared_dict, n):
    shared_list.append(n * n)
    shared_dict[n] = f"done by worker {n}"


if __name__ == "__main__":
    with Manager() as manager:
        lst = manager.list()
        d = manager.dict()
        ps = [Process(target=record, args=(lst, d, n)) for n in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(lst))
        print(sorted(d.items()))
        print(len(lst), len(d))
