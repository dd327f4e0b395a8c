# httpx 0.28.1 over real loopback: one AsyncClient reuses its connections; a client per
# request opens one each; Limits caps connections at once and idle ones kept; a closed
# client refuses requests; PoolTimeout when no connection comes free in time.
import asyncio

import httpx


class Site:
    """A small HTTP/1.1 server with keep-alive that counts its connections."""

    def __init__(self, delay=0.0):
        self.delay = delay
        self.opened = self.open_now = self.most_at_once = 0

    async def serve(self, reader, writer):
        self.opened += 1
        self.open_now += 1
        self.most_at_once = max(self.most_at_once, self.open_now)
        try:
            while request := await reader.readline():
                while (await reader.readline()).strip():
                    pass
                await asyncio.sleep(self.delay)
                body = request.split()[1]
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            self.open_now -= 1
            writer.close()


async def reuse():
    site = Site()
    server = await asyncio.start_server(site.serve, "127.0.0.1", 8201)
    urls = [f"http://127.0.0.1:8201/item/{n}" for n in range(1, 6)]
    for url in urls:
        async with httpx.AsyncClient() as client:
            await client.get(url)
    print("a client per request:", site.opened, "connections")
    site.opened = 0
    async with httpx.AsyncClient() as client:
        texts = [(await client.get(url)).text for url in urls]
    print("one client:", site.opened, "connection for", texts)
    print("closed after async with:", client.is_closed)
    try:
        await client.get(urls[0])
    except RuntimeError as error:
        print("RuntimeError:", error)
    server.close()
    await server.wait_closed()


async def limits():
    site = Site(delay=0.3)
    server = await asyncio.start_server(site.serve, "127.0.0.1", 8202)
    limits = httpx.Limits(max_connections=3, max_keepalive_connections=2)
    async with httpx.AsyncClient(limits=limits) as client:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(client.get(f"http://127.0.0.1:8202/{n}")) for n in range(10)]
        print(len(tasks), "pages; most connections at once:", site.most_at_once)
        await asyncio.sleep(0.2)
        print("connections still open (kept alive):", site.open_now)
    await asyncio.sleep(0.2)
    print("after the client closed:", site.open_now)
    server.close()
    await server.wait_closed()


async def pool_timeout():
    site = Site(delay=2.0)
    server = await asyncio.start_server(site.serve, "127.0.0.1", 8203)
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def get(client, n):
        try:
            response = await client.get(f"http://127.0.0.1:8203/{n}")
            print(f"request {n}: {response.status_code} after {loop.time() - start:.0f} s")
        except httpx.PoolTimeout as error:
            print(f"request {n}: PoolTimeout after {loop.time() - start:.0f} s, is a TimeoutError? {isinstance(error, TimeoutError)}")

    limits = httpx.Limits(max_connections=2)
    async with httpx.AsyncClient(limits=limits, timeout=httpx.Timeout(10, pool=1)) as client:
        async with asyncio.TaskGroup() as tg:
            for n in range(1, 5):
                tg.create_task(get(client, n))
    server.close()
    await server.wait_closed()


asyncio.run(reuse())
asyncio.run(limits())
asyncio.run(pool_timeout())
