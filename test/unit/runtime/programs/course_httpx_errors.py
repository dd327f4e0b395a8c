# httpx 0.28.1's exceptions over real loopback: none is a builtin ConnectionError,
# TimeoutError or OSError; raise_for_status raises HTTPStatusError; a hang-up is a
# RemoteProtocolError; except TimeoutError lets an httpx.ReadTimeout through.
import asyncio

import httpx

print(" > ".join(c.__name__ for c in httpx.ReadTimeout.__mro__))
print(" > ".join(c.__name__ for c in httpx.ConnectError.__mro__))
print(" > ".join(c.__name__ for c in httpx.HTTPStatusError.__mro__))
print(" > ".join(c.__name__ for c in httpx.RemoteProtocolError.__mro__))


async def site(reader, writer):
    while request := await reader.readline():
        while (await reader.readline()).strip():
            pass
        path = request.split()[1]
        if path == b"/hangs-up":
            break
        if path == b"/slow":
            await asyncio.sleep(1)
        status = b"200 OK" if path in (b"/", b"/slow") else b"404 Not Found"
        writer.write(b"HTTP/1.1 %s\r\nContent-Length: 2\r\n\r\nhi" % status)
        await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(site, "127.0.0.1", 8221)
    urls = ["http://127.0.0.1:8221/", "http://127.0.0.1:8221/missing",
            "http://127.0.0.1:8221/hangs-up", "http://127.0.0.1:8221/slow",
            "http://127.0.0.1:8229/"]  # nothing listens on 8229
    async with httpx.AsyncClient(timeout=0.5) as client:
        for url in urls:
            try:
                response = await client.get(url)
                print(url, response.raise_for_status().text)
            except httpx.HTTPError as error:
                builtin = isinstance(error, (ConnectionError, TimeoutError, OSError))
                print(url, type(error).__name__, "| builtin?", builtin, "|",
                      repr(str(error).partition("\n")[0]))
        try:
            await client.get(urls[3])
        except TimeoutError:
            print("caught by except TimeoutError")
        except httpx.TimeoutException as error:
            print("except TimeoutError missed", type(error).__name__)
    server.close()
    await server.wait_closed()


asyncio.run(main())
