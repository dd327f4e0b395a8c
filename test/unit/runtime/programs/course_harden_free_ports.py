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

@asynccontextmanager
async def running_server(handler):
    """A server on a free port of 127.0.0.1, closed at the end: its port."""
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    async with server:
        yield server.sockets[0].getsockname()[1]

def greeter(greeting):
    async def greet(reader, writer):
        writer.write(greeting)
        writer.close()
        await writer.wait_closed()
    return greet

async def main():
    async with (running_server(greeter(b"hello\n")) as first,
                running_server(greeter(b"bonjour\n")) as second):
        print("two ports:", first != second,
              "| neither is 0:", 0 not in (first, second))
        for port in (first, second):
            async with connection("127.0.0.1", port) as (reader, writer):
                print(await reader.readline())

asyncio.run(main())
