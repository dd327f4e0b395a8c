import asyncio
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
import asyncio

MAX_CLIENTS = 3
limit = asyncio.Semaphore(MAX_CLIENTS)

async def serve(reader, writer):
    writer.write(b"WELCOME\n")
    await reader.readline()
    await asyncio.sleep(2)  # the work for one client takes 2 s
    writer.write(b"here you are\n")

async def queueing(reader, writer):
    async with limit:  # a fourth client waits here, and is not told
        await serve(reader, writer)
    writer.close()
    await writer.wait_closed()

async def refusing(reader, writer):
    if limit.locked():  # no await between this test and taking a place
        writer.write(b"BUSY try again later\n")
    else:
        async with limit:
            await serve(reader, writer)
    writer.close()
    await writer.wait_closed()

async def client(port, n):
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with connection("127.0.0.1", port) as (reader, writer):
        greeting = await reader.readline()
        if greeting.startswith(b"BUSY"):
            answer = greeting
        else:
            writer.write(b"GET\n")
            answer = await reader.readline()
    print(f"  client {n}: {answer!r} after {loop.time() - start:.1f} s")

async def main():
    for port, handler in ((8957, queueing), (8958, refusing)):
        print(handler.__name__)
        server = await asyncio.start_server(handler, "127.0.0.1", port)
        async with server:
            async with asyncio.TaskGroup() as tg:
                for n in range(1, 6):
                    tg.create_task(client(port, n))

asyncio.run(main())
