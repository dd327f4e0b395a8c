import asyncio
import os
import signal
import time


async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port):
    for word in ("one", "two"):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"{word}\n".encode())
        print("client got", (await reader.readline()).decode().strip())
        writer.close()
        await writer.wait_closed()
        await asyncio.sleep(0.5)
    print(f"{time.monotonic() - START:.1f} sending SIGTERM")
    os.kill(os.getpid(), signal.SIGTERM)


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        task = asyncio.create_task(client(port))
        await stop.wait()
        print(f"{time.monotonic() - START:.1f} got SIGTERM, shutting down")
    await task
    print("removed:", loop.remove_signal_handler(signal.SIGTERM), loop.remove_signal_handler(signal.SIGTERM))
    print("server closed:", not server.is_serving())


START = time.monotonic()
asyncio.run(main())
signal.signal(signal.SIGUSR1, lambda signum, frame: print("handler got", signal.Signals(signum).name))
signal.raise_signal(signal.SIGUSR1)
