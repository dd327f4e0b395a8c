import select, socket
a, b = socket.socketpair()
r, w, x = select.select([a], [b], [], 0)
print(r, w == [b], x)
b.send(b"x")
r, w, x = select.select([a, b], [], [], 1.0)
print(r == [a], w, x)
print(a.recv(1))
