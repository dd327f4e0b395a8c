# Data the server sent before closing with a request unread (a reset): read first, then the reset (CPython 3.13, Linux).
import socket
import time

listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen()
client = socket.create_connection(listener.getsockname())
conn, _ = listener.accept()
client.send(b"GET\n")
time.sleep(0.1)
conn.send(b"BUSY\n")
conn.close()                      # closed with b"GET\n" unread: a reset
time.sleep(0.1)
for _ in range(2):
    try:
        print("recv:", client.recv(100))
    except OSError as error:
        print("recv:", error)
client.close()
listener.close()
