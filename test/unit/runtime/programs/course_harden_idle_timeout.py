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

async def trusting(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

IDLE = 2  # seconds a client may stay silent

async def impatient(reader, writer):
    try:
        while True:
            try:
                async with asyncio.timeout(IDLE):
                    line = await reader.readline()
            except TimeoutError:
                writer.write(b"ERROR idle for too long, goodbye\n")
                break
            if not line:
                break
            writer.write(line.upper())
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()

async def silent_client(port):
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with connection("127.0.0.1", port) as (reader, writer):
        try:
            async with asyncio.timeout(10):
                answer = await reader.read()
            took = loop.time() - start
            print(f"  after {took:.1f} s the server said {answer!r}")
        except TimeoutError:
            print("  after 10 s the connection is still open")

async def chatty_client(port):
    async with connection("127.0.0.1", port) as (reader, writer):
        for word in (b"one\n", b"two\n", b"three\n"):
            await asyncio.sleep(1.5)
            writer.write(word)
            print("  chatty client got", await reader.readline())

async def main():
    for port, handler in ((8950, trusting), (8951, impatient)):
        print(handler.__name__)
        server = await asyncio.start_server(handler, "127.0.0.1", port)
        async with server:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(silent_client(port))
                tg.create_task(chatty_client(port))

asyncio.run(main())
