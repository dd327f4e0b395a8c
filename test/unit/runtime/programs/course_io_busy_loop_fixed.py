import heapq
import itertools
import selectors
import socket
import time

class TinyLoop:
    """A ready queue, timers and a selector: asyncio's loop, in small."""

    def __init__(self):
        self.selector = selectors.DefaultSelector()
        self.ready = []   # callbacks to call on this turn
        self.timers = []  # a heap of (deadline, number, callback)
        self.numbers = itertools.count()
        self.turns = 0

    def call_soon(self, callback):
        self.ready.append(callback)

    def call_later(self, delay, callback):
        deadline = time.monotonic() + delay
        heapq.heappush(self.timers, (deadline, next(self.numbers), callback))

    def add_reader(self, sock, callback):
        self.selector.register(sock, selectors.EVENT_READ, callback)

    def remove_reader(self, sock):
        self.selector.unregister(sock)

    def run(self):
        while self.ready or self.timers or self.selector.get_map():
            self.turns += 1
            if self.ready:
                timeout = 0  # work is waiting: only look
            elif self.timers:
                timeout = max(0, self.timers[0][0] - time.monotonic())
            else:
                timeout = None  # only sockets: as long as it takes
            for key, mask in self.selector.select(timeout):
                self.ready.append(key.data)
            now = time.monotonic()
            while self.timers and self.timers[0][0] <= now:
                self.ready.append(heapq.heappop(self.timers)[2])
            ready, self.ready = self.ready, []
            for callback in ready:
                callback()

loop = TinyLoop()
a, b = socket.socketpair()
start = time.monotonic()

def say(what):
    print(f"{time.monotonic() - start:.1f} {what}")

def on_readable():
    say(f"received {a.recv(100)!r}")
    loop.remove_reader(a)

loop.add_reader(a, on_readable)
loop.call_later(0.1, lambda: say("tick"))
loop.call_later(0.3, lambda: b.send(b"hello"))
loop.call_soon(lambda: say("first"))
loop.run()
print(f"{loop.turns} turns of the loop")
