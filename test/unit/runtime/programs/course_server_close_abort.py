# Server.close_clients() waits to send what is buffered (forever, to a client that
# never reads); abort_clients() drops the connection at once. Python 3.13.
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

async def flood(reader, writer):
    writer.write(b"x" * 20_000_000)  # far more than the connection holds
    await reader.read()  # until the connection ends

async def main():
    server = await asyncio.start_server(flood, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    async with connection(host, port):  # a client that never reads
        await asyncio.sleep(0.1)
        server.close()
        server.close_clients()
        try:
            async with asyncio.timeout(1):
                await server.wait_closed()
        except TimeoutError:
            print("after close_clients: still open a second later")
        server.abort_clients()
        await server.wait_closed()
        print("after abort_clients: closed")

asyncio.run(main())
