# 1,000 Queue round trips between the parent and one child (request queue, reply queue).
from multiprocessing import Process, Queue

def echo(requests, replies):
    while True:
        item = requests.get()
        if item is None:
            break
        replies.put(item + 1)

if __name__ == "__main__":
    requests, replies = Queue(), Queue()
    p = Process(target=echo, args=(requests, replies))
    p.start()
    total = 0
    for i in range(1000):
        requests.put(i)
        total += replies.get()
    requests.put(None)
    p.join()
    print(total)
