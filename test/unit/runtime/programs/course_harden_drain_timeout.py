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
from functools import partial

PIECE = b"x" * 65536  # 64 KiB
doing = {}            # what the server is doing for each client

async def send_file(reader, writer, drain_limit):
    name = (await reader.readline()).decode().strip()
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        for _ in range(160):  # 10 MiB in all
            writer.write(PIECE)
            doing[name] = "waiting in drain"
            waiting_since = loop.time()
            async with asyncio.timeout(drain_limit):
                await writer.drain()
    except TimeoutError:
        waited = loop.time() - waiting_since
        print(f"  server: drain waited {waited:.1f} s; gave up on {name}")
        doing[name] = "gave up"
        writer.transport.abort()  # close() would wait to send the rest
        return
    except ConnectionError as error:
        took = loop.time() - start
        print(f"  server: {name} left after {took:.1f} s: {error!r}")
        doing[name] = "client left"
        return
    doing[name] = "sent everything"
    writer.close()
    await writer.wait_closed()

async def client(port, name, reads):
    async with connection("127.0.0.1", port) as (reader, writer):
        writer.write(f"{name}\n".encode())
        if reads:
            while await reader.read(65536):
                pass
        else:
            await asyncio.sleep(30)  # connected, and not reading

async def main():
    for port, drain_limit in ((8963, None), (8964, 5)):
        print(f"drain_limit={drain_limit}")
        handler = partial(send_file, drain_limit=drain_limit)
        server = await asyncio.start_server(handler, "127.0.0.1", port)
        async with server:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(client(port, "quick", reads=True))
                tg.create_task(client(port, "stuck", reads=False))
                await asyncio.sleep(10)
                print(f"  after 10 s: quick: {doing['quick']},"
                      f" stuck: {doing['stuck']}")
        await asyncio.sleep(0.1)  # wait_closed() does not wait for handlers

asyncio.run(main())
