import asyncio
import socket


async def main():
    left, right = socket.socketpair()
    print(left.family.name, left.type.name, repr(left.getsockname()), repr(right.getpeername()))
    reader, writer = await asyncio.open_connection(sock=left)
    peer_reader, peer_writer = await asyncio.open_connection(sock=right)
    writer.write(b"ping\n")
    await writer.drain()
    line = await peer_reader.readline()
    print("right got", line)
    peer_writer.write(line.upper())
    peer_writer.write_eof()
    print("left got", await reader.read())
    for w in (writer, peer_writer):
        w.close()
        await w.wait_closed()
    a, b = socket.socketpair()
    a.sendall(b"blocking pair")
    print(b.recv(100))
    a.close()
    print(b.recv(100))
    b.close()


asyncio.run(main())
