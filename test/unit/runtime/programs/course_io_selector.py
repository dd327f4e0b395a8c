import selectors
import socket
import time

sel = selectors.DefaultSelector()
a, b = socket.socketpair()
c, d = socket.socketpair()
sel.register(a, selectors.EVENT_READ, "a")
sel.register(c, selectors.EVENT_READ, "c")

def show(timeout):
    start = time.monotonic()
    events = sel.select(timeout)
    took = time.monotonic() - start
    ready = [(key.data, mask) for key, mask in events]
    print(f"select({timeout}) after {took:.1f} s:", ready)

show(0)
show(0.5)
d.send(b"for c")
show(None)
print(c.recv(100))
sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, "a")
show(None)
b.send(b"x")
show(None)
sel.unregister(a)
show(0)
print(type(sel).__name__, selectors.EVENT_READ, selectors.EVENT_WRITE)
