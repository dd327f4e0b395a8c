import asyncio
import socket

async def recv(sock, n):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.add_reader(sock, future.set_result, None)  # when sock is readable
    try:
        await future
    finally:
        loop.remove_reader(sock)
    return sock.recv(n)

async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    task = asyncio.create_task(recv(a, 100))
    await asyncio.sleep(0.1)
    reader, writer = loop._selector.get_key(a).data
    print("the selector holds for a:", reader, writer)
    loop.call_later(0.2, b.send, b"hello")
    start = loop.time()
    print("got", await task, f"after {loop.time() - start:.1f} s")
    print("still registered:", loop.remove_reader(a))
    a.close()
    b.close()

asyncio.run(main())
