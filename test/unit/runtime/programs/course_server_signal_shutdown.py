# A shutdown in four steps on SIGTERM: close, tell the clients, a grace period with
# asyncio.timeout, cancel the rest and wait; a client after close() is refused.
import asyncio
import os
import signal
import time
from contextlib import asynccontextmanager

@asynccontextmanager
async def connection(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        yield reader, writer
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass  # the peer may have reset the connection already

START = time.perf_counter()

def say(text):
    print(f"{time.perf_counter() - START:.1f} {text}")

handlers = {}  # each running handler's task, and its client's writer

async def handle(reader, writer):
    handlers[asyncio.current_task()] = writer
    try:
        while line := await reader.readline():
            job, seconds = line.decode().split()
            try:
                await asyncio.sleep(float(seconds))  # the work
            except asyncio.CancelledError:
                say(f"server: gave up on {job}")
                raise
            writer.write(f"done: {job}\n".encode())
            await writer.drain()
    finally:
        del handlers[asyncio.current_task()]
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass

async def shut_down(server, grace):
    server.close()                                 # 1. accept no one new
    for writer in handlers.values():               # 2. tell the clients
        writer.write(b"server: closing\n")
    running = set(handlers)
    if running:
        try:
            async with asyncio.timeout(grace):     # 3. a grace period
                await asyncio.wait(running)
        except TimeoutError:
            for task in running:                   # 4. cancel the rest...
                task.cancel()
            await asyncio.wait(running)            # ...and wait for them
    await server.wait_closed()

async def client(name, port, job, seconds, at):
    await asyncio.sleep(at)
    try:
        async with connection("127.0.0.1", port) as (reader, writer):
            writer.write(f"{job} {seconds}\n".encode())
            while line := await reader.readline():
                text = line.decode().strip()
                say(f"{name} reads {text!r}")
                if text.startswith("done"):
                    return
            say(f"{name}: the server hung up")
    except ConnectionRefusedError:
        say(f"{name}: connection refused")

async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.call_later(1, os.kill, os.getpid(), signal.SIGTERM)  # as `kill -TERM` would
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with asyncio.TaskGroup() as clients:
        clients.create_task(client("ada", port, "backup", 0.7, at=0.6))
        clients.create_task(client("bo", port, "index", 5, at=0.5))
        clients.create_task(client("cy", port, "report", 0.2, at=1.5))
        await stop.wait()
        say(f"SIGTERM: shutting down, {len(handlers)} clients connected")
        await shut_down(server, grace=1)
        say("server: closed")

asyncio.run(main())
