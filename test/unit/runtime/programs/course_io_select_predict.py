import selectors
import socket

sel = selectors.DefaultSelector()
a, b = socket.socketpair()
c, d = socket.socketpair()
sel.register(a, selectors.EVENT_READ, "a")
sel.register(c, selectors.EVENT_READ, "c")

def ready():
    return sorted(key.data for key, mask in sel.select(0))

print(1, ready())
d.send(b"ping")
print(2, ready())
print(3, ready())
c.recv(2)
print(4, ready())
c.recv(100)
print(5, ready())
b.close()
print(6, ready())
sel.register(d, selectors.EVENT_WRITE, "d")
print(7, ready())
