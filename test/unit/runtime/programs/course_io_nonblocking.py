import socket

a, b = socket.socketpair()
a.setblocking(False)
try:
    a.recv(1024)
except BlockingIOError as error:
    print("nothing to read yet:", error)

b.send(b"hello")
print("after b sent:", a.recv(1024))
b.close()
print("after b closed:", a.recv(1024))

c, d = socket.socketpair()
c.setblocking(False)
sent = 0
try:
    while True:
        sent += c.send(b"x" * 65536)  # d never reads
except BlockingIOError:
    print("send: the buffer is full, nothing more goes in")
