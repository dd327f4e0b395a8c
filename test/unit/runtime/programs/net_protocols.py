import asyncio

events = []


class Server(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        print("server: connection made; peer", transport.get_extra_info("peername")[0])

    def data_received(self, data):
        print("server: data", data)
        self.transport.write(data.upper())

    def eof_received(self):
        print("server: EOF received")
        self.transport.close()

    def connection_lost(self, exc):
        print("server: connection lost", exc)


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        print("client: connection made")
        transport.write(b"hello")
        transport.write(b" there")
        transport.write_eof()

    def data_received(self, data):
        print("client: data", data)

    def eof_received(self):
        print("client: EOF received")

    def connection_lost(self, exc):
        print("client: connection lost", exc)
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, "127.0.0.1", 8892)
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), "127.0.0.1", 8892)
    print("client: connected", transport.get_extra_info("peername"), type(protocol).__name__)
    await done
    print("client: closing?", transport.is_closing())
    server.close()
    await server.wait_closed()


asyncio.run(main())
