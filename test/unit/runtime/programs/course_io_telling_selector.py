import asyncio
import selectors
import socket

class TellingSelector(selectors.DefaultSelector):
    def select(self, timeout=None):
        events = super().select(timeout)
        if telling:
            wait = "None" if timeout is None else f"{timeout:.1f}"
            print(f"    select({wait}) -> {len(events)} ready")
        return events

telling = False

async def main():
    global telling
    telling = True  # report only while main runs
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    print("sleep(0)")
    await asyncio.sleep(0)
    print("sleep(0.5)")
    await asyncio.sleep(0.5)
    print("sock_recv, with data coming in 0.3 s")
    loop.call_later(0.3, b.send, b"hi")
    data = await loop.sock_recv(a, 100)
    print("got", data)
    telling = False
    a.close()
    b.close()

def telling_loop():
    return asyncio.SelectorEventLoop(TellingSelector())

asyncio.run(main(), loop_factory=telling_loop)
