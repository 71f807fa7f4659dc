# A two-way Pipe: the child answers each message.
from multiprocessing import Pipe, Process


def echo_server(conn):
    while True:
        msg = conn.recv()
        if msg == "bye":
            conn.send("goodbye")
            break
        conn.send(f"echo: {msg}")
    conn.close()


if __name__ == "__main__":
    parent_end, child_end = Pipe()
    p = Process(target=echo_server, args=(child_end,))
    p.start()
    for m in ["hello", 42, [1, 2], "bye"]:
        parent_end.send(m)
        print(parent_end.recv())
    p.join()
