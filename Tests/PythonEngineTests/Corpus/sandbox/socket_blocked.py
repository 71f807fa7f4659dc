# Engine only: network sockets are blocked.
print("start")
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("127.0.0.1", 9))
print("not reached")
