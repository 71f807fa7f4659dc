# Children fill a shared Array; the parent sees the changes.
from multiprocessing import Array, Process


def fill(arr, index):
    arr[index] = index * index


if __name__ == "__main__":
    arr = Array("i", 5)
    print(list(arr))
    ps = [Process(target=fill, args=(arr, i)) for i in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(list(arr), len(arr), arr[2], arr[1:3])
    floats = Array("d", [0.5, 1.5])
    print(list(floats))
