import asyncio

CHUNK = b"x" * 65536


class Slow(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        transport.pause_reading()
        self.received = 0
        asyncio.get_running_loop().call_later(1, self.wake)

    def wake(self):
        print("server: reading again")
        self.transport.resume_reading()

    def data_received(self, data):
        self.received += len(data)

    def eof_received(self):
        print("server: received", self.received, "bytes, then EOF")


class Writer(asyncio.Protocol):
    def __init__(self):
        self.paused = []

    def pause_writing(self):
        self.paused.append("pause")

    def resume_writing(self):
        self.paused.append("resume")


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Slow, "127.0.0.1", 8894)
    transport, protocol = await loop.create_connection(Writer, "127.0.0.1", 8894)
    print("limits:", transport.get_write_buffer_limits())
    for _ in range(200):
        transport.write(CHUNK)
    print("buffered:", transport.get_write_buffer_size() > 0, protocol.paused)
    start = loop.time()
    while transport.get_write_buffer_size():
        await asyncio.sleep(0.05)
    print("flushed after about", round(loop.time() - start), "s;", protocol.paused)
    transport.write_eof()
    await asyncio.sleep(0.5)
    transport.close()
    server.close()
    await server.wait_closed()


asyncio.run(main())
