# Pipe(duplex=False): the child writes, the parent reads; poll() checks for data.
from multiprocessing import Pipe, Process


def send_numbers(writer):
    for i in range(3):
        writer.send(i * 100)
    writer.send("done")
    writer.close()


if __name__ == "__main__":
    reader, writer = Pipe(duplex=False)
    print("poll before:", reader.poll())
    p = Process(target=send_numbers, args=(writer,))
    p.start()
    while (item := reader.recv()) != "done":
        print("received", item)
    p.join()
    print("poll after:", reader.poll(0.05))
