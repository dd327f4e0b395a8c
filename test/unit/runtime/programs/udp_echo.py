import asyncio
import socket
import time


class Echo(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        print("server got", data, "from a client")
        self.transport.sendto(data.upper(), addr)


class Client(asyncio.DatagramProtocol):
    def __init__(self, done):
        self.done = done
        self.replies = []

    def connection_made(self, transport):
        for word in (b"one", b"two"):
            transport.sendto(word)

    def datagram_received(self, data, addr):
        self.replies.append(data)
        if len(self.replies) == 2:
            self.done.set_result(self.replies)

    def error_received(self, exc):
        print("client error:", repr(exc))
        if not self.done.done():
            self.done.set_result(exc)


async def main():
    loop = asyncio.get_running_loop()
    start = time.monotonic()
    server, _ = await loop.create_datagram_endpoint(Echo, local_addr=("127.0.0.1", 0))
    port = server.get_extra_info("sockname")[1]
    done = loop.create_future()
    client, _ = await loop.create_datagram_endpoint(lambda: Client(done), remote_addr=("127.0.0.1", port))
    print(await done, client.get_extra_info("peername") == ("127.0.0.1", port))
    client.close()
    server.close()
    # Nothing listens there any more: Linux answers "port unreachable".
    refused = loop.create_future()
    lonely, _ = await loop.create_datagram_endpoint(lambda: Client(refused), remote_addr=("127.0.0.1", port))
    print(type(await refused).__name__)
    lonely.close()
    # Plain sockets.
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    a.bind(("127.0.0.1", 0))
    b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    b.sendto(b"hello", a.getsockname())
    b.sendto(b"world, a long one", a.getsockname())
    data, addr = a.recvfrom(1024)
    print(data, addr == b.getsockname(), a.recv(5))
    a.settimeout(0.25)
    try:
        a.recvfrom(10)
    except TimeoutError as e:
        print("timeout:", e)
    try:
        b.send(b"x")
    except OSError as e:
        print(e)
    a.close(); b.close()
    print(f"{time.monotonic() - start:.2f}")


asyncio.run(main())
