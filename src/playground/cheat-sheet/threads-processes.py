# Cheat sheet: threads, processes and the selector.
import asyncio
import concurrent.futures
import selectors
import socket
import sys
import threading


def scan(stop):
    while not stop.wait(0.1):                 # checks the event it was given
        pass
    return "scanner stopped"


class Shout(asyncio.Protocol):                # a server made of callbacks
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data.upper())


async def main():
    stop = threading.Event()
    work = asyncio.create_task(asyncio.to_thread(scan, stop))
    try:
        async with asyncio.timeout(0.5):
            await asyncio.shield(work)        # the wait stops, the thread does not
    except TimeoutError:
        stop.set()
        print(await work)

    started, gate = threading.Event(), threading.Event()

    def busy():
        started.set()
        gate.wait()
        return "the running call finishes"

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        running = pool.submit(busy)
        queued = [pool.submit(pow, 2, n) for n in range(2)]
        started.wait()
        pool.shutdown(wait=False, cancel_futures=True)  # the queued ones are cancelled
        gate.set()
        print(running.result(), "/ queued, cancelled:", [f.cancelled() for f in queued])

    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "print(input().upper())",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate(b"from the parent\n")  # no pipe deadlock
    print(out, proc.returncode)
    sleeper = await asyncio.create_subprocess_exec(sys.executable, "-c", "import time; time.sleep(60)")
    sleeper.kill()
    print("killed:", await sleeper.wait())

    a, b = socket.socketpair()
    with selectors.DefaultSelector() as sel:
        sel.register(a, selectors.EVENT_READ)
        print("ready before:", len(sel.select(0)))
        b.send(b"x")
        print("ready after:", len(sel.select(0)))
    a.close()
    b.close()

    loop = asyncio.get_running_loop()
    server = await loop.create_server(Shout, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection(*server.sockets[0].getsockname())
    writer.write(b"quiet\n")
    print(await reader.readline())
    writer.close()
    server.close()


asyncio.run(main())
