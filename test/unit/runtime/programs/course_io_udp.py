import asyncio

class Echo(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        print("server got", data)
        self.transport.sendto(data.upper(), addr)

class Client(asyncio.DatagramProtocol):
    def __init__(self):
        self.replies = asyncio.Queue()

    def datagram_received(self, data, addr):
        self.replies.put_nowait(data)

async def main():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(
        Echo, local_addr=("127.0.0.1", 8970))
    transport, client = await loop.create_datagram_endpoint(
        Client, local_addr=("127.0.0.1", 0))  # port 0: any free port
    for word in (b"one", b"two", b"three"):
        transport.sendto(word, ("127.0.0.1", 8970))
    replies = [await client.replies.get() for _ in range(3)]
    print("client got", replies)

    transport.sendto(b"anyone there?", ("127.0.0.1", 8971))  # nothing on 8971
    try:
        async with asyncio.timeout(1):
            await client.replies.get()
    except TimeoutError:
        print("no answer from 8971 after 1 s, and no error either")
    transport.close()
    server.close()

asyncio.run(main())
