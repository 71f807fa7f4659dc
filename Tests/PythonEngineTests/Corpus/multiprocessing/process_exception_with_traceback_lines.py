# A child's uncaught exception in a nested call; the parent reports exit codes.
from multiprocessing import Process


def parse_record(text):
    key, value = text.split(":")
    return key, int(value)


def worker(records):
    for r in records:
        print("parsed", parse_record(r))


if __name__ == "__main__":
    p = Process(target=worker, args=(["a:1", "b:x"],))
    p.start()
    p.join()
    print("exitcode:", p.exitcode)
