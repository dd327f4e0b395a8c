# Downloading many pages, the httpx passage: httpx's exceptions are its own, its
# timeout limits each step (not the whole request), asyncio.timeout is a deadline.
import asyncio
import time

import httpx


async def dribble(reader, writer):
    """Answers 4 bytes, one every 0.3 s: 1.2 s in all, no pause longer than 0.3 s."""
    await reader.readuntil(b"\r\n\r\n")
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\n")
    for byte in b"slow":
        await asyncio.sleep(0.3)
        writer.write(bytes([byte]))
        await writer.drain()
    writer.close()


async def silent(reader, writer):
    await reader.readuntil(b"\r\n\r\n")
    await reader.read()
    writer.close()


async def main():
    servers = [await asyncio.start_server(dribble, "127.0.0.1", 8981),
               await asyncio.start_server(silent, "127.0.0.1", 8982)]
    for name in ["ConnectError", "ReadTimeout", "ConnectTimeout", "RemoteProtocolError"]:
        kind = getattr(httpx, name)
        print(name, "is", [c.__name__ for c in kind.__mro__[1:-2]],
              "ConnectionError:", issubclass(kind, ConnectionError),
              "TimeoutError:", issubclass(kind, TimeoutError),
              "OSError:", issubclass(kind, OSError))
    print("default:", httpx.AsyncClient().timeout)
    async with httpx.AsyncClient(timeout=0.5) as client:
        start = time.perf_counter()
        answer = await client.get("http://127.0.0.1:8981/")
        print(f"timeout=0.5, a byte every 0.3 s: {answer.status_code} {answer.text!r}"
              f", longer than 1 s in all: {time.perf_counter() - start > 1}")
        start = time.perf_counter()
        try:
            await client.get("http://127.0.0.1:8982/")
        except httpx.HTTPError as error:
            print(f"timeout=0.5, a server that never answers: {type(error).__name__}"
                  f" after {time.perf_counter() - start:.1f} s")
        try:
            await client.get("http://127.0.0.1:8983/")  # nothing listens there
        except ConnectionError:
            print("except ConnectionError caught it")
        except httpx.ConnectError as error:
            print("a refused connection: httpx.ConnectError, not caught by except ConnectionError")
        start = time.perf_counter()
        try:
            async with asyncio.timeout(0.7):
                await client.get("http://127.0.0.1:8981/")
        except TimeoutError:
            print(f"asyncio.timeout(0.7) around it: TimeoutError after {time.perf_counter() - start:.1f} s")
    for server in servers:
        server.close()
        server.close_clients()

asyncio.run(main())
