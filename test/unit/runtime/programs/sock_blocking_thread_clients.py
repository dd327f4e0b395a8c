import asyncio
import socket
import threading
import time


def blocking_client(port, name, results):
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(f"hello from {name}\n".encode())
        results.append(sock.recv(1024).decode().strip())


async def handle(reader, writer):
    line = await reader.readline()
    await asyncio.sleep(0.5)
    writer.write(line.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    results = []
    start = time.monotonic()
    async with server:
        await asyncio.gather(*(asyncio.to_thread(blocking_client, port, f"thread {n}", results) for n in range(3)))
    print(sorted(results), f"{time.monotonic() - start:.1f}")
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2)
    except ConnectionRefusedError as e:
        print("refused:", e)
    s = socket.socket()
    s.settimeout(0.3)
    listener = socket.socket(); listener.bind(("127.0.0.1", 0)); listener.listen()
    s.connect(listener.getsockname())
    try:
        s.recv(10)
    except TimeoutError as e:
        print("timeout:", e, f"{time.monotonic() - start:.1f}")


asyncio.run(main())
