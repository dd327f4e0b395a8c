# A Protocol server and a streams client: the callbacks in order, and the transport named as in CPython (3.13).
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

class Shout(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        print("server: connection_made")

    def data_received(self, data):
        print("server: data_received", data)
        self.transport.write(data.upper())

    def eof_received(self):
        print("server: eof_received")

    def connection_lost(self, exc):
        print("server: connection_lost", exc)

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Shout, "127.0.0.1", 8960)
    async with server:
        async with connection("127.0.0.1", 8960) as (reader, writer):
            writer.write(b"hel")
            await asyncio.sleep(0.1)
            writer.write(b"lo\n")
            print("client: reads", await reader.readline())
            writer.write_eof()
            print("client: reads", await reader.read())
            print("client:", type(writer.transport).__name__, "with",
                  type(writer.transport.get_protocol()).__name__)

asyncio.run(main())
