# Three quick writes on one TCP connection reach the protocol as one data_received
# (content/os/under-the-hood-io.mdx says "typically arrive as a single b'onetwothree'").
import asyncio

class Show(asyncio.Protocol):
    def data_received(self, data):
        print("data_received", data)

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Show, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await asyncio.sleep(0.1)
    for word in (b"one", b"two", b"three"):
        writer.write(word)
    await asyncio.sleep(0.1)
    writer.close()
    await writer.wait_closed()
    server.close()

asyncio.run(main())
