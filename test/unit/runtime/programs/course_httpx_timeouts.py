# httpx 0.28.1 timeouts over real loopback: each limits one operation (a read, a write,
# a connect, a wait for the pool), not the whole request. A page that drips never trips
# read= yet takes far longer; asyncio.timeout gives a real deadline.
import asyncio

import httpx


async def slow(reader, writer):
    while (await reader.readline()).strip():
        pass
    await asyncio.sleep(2)
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nat last")
    await writer.drain()
    writer.close()


async def drip(reader, writer):
    while (await reader.readline()).strip():
        pass
    lines = [f"update {n}\n".encode() for n in range(1, 7)]
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
                 % sum(map(len, lines)))
    try:
        for line in lines:
            await asyncio.sleep(0.4)
            writer.write(line)
            await writer.drain()
    except ConnectionError:
        pass
    writer.close()


async def main():
    loop = asyncio.get_running_loop()
    servers = [await asyncio.start_server(slow, "127.0.0.1", 8211),
               await asyncio.start_server(drip, "127.0.0.1", 8212)]
    async with httpx.AsyncClient(timeout=1) as client:
        print(client.timeout)
        start = loop.time()
        try:
            await client.get("http://127.0.0.1:8211/")
        except httpx.ReadTimeout as error:
            print(f"slow page: ReadTimeout after {loop.time() - start:.0f} s;",
                  "a TimeoutError?", isinstance(error, TimeoutError))
        start = loop.time()
        response = await client.get("http://127.0.0.1:8212/")
        took = loop.time() - start
        print(f"dripping page: {len(response.text.splitlines())} lines, no timeout,",
              "took more than twice the read timeout:", took > 2)
        start = loop.time()
        try:
            async with asyncio.timeout(1.2):
                await client.get("http://127.0.0.1:8212/")
        except TimeoutError:
            print(f"with asyncio.timeout(1.2): TimeoutError after {loop.time() - start:.1f} s")
        # A whole-page limit through the per-request timeout= does not help either:
        response = await client.get("http://127.0.0.1:8212/", timeout=httpx.Timeout(0.6))
        print("timeout=0.6 on the request: still", len(response.text.splitlines()), "lines")
    for server in servers:
        server.close()
        await server.wait_closed()


print(httpx.Timeout(5, connect=2))
try:
    httpx.Timeout(connect=2)
except ValueError as error:
    print("ValueError:", error)
print(httpx.Timeout(connect=2, read=5, write=5, pool=None))
asyncio.run(main())
