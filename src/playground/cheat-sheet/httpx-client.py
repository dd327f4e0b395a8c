# Cheat sheet: HTTP with httpx, against a small web server of this program's own.
import asyncio

import httpx


async def web(reader, writer):               # a tiny HTTP/1.1 server, one request
    request = await reader.readuntil(b"\r\n\r\n")
    path = request.split()[1].decode()
    if path == "/slow":
        await asyncio.sleep(3)
    status, body = ("200 OK", "line 1\nline 2\nline 3\n") if path != "/missing" else ("404 Not Found", "no")
    writer.write(f"HTTP/1.1 {status}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n{body}".encode())
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(web, "127.0.0.1", 0)
    base = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    limits = httpx.Limits(max_connections=2)
    async with server, httpx.AsyncClient(base_url=base, limits=limits) as client:  # one client
        response = await client.get("/")
        print(response.status_code, response.text.splitlines())
        missing = await client.get("/missing")
        try:
            missing.raise_for_status()       # a bad status raises only when asked
        except httpx.HTTPStatusError as error:
            print("HTTPStatusError:", error.response.status_code)
        try:
            await client.get("/slow", timeout=httpx.Timeout(5, read=1))
        except httpx.TimeoutException as error:  # not a TimeoutError
            print(type(error).__name__, isinstance(error, TimeoutError))
        async with client.stream("GET", "/") as streamed:
            async for line in streamed.aiter_lines():
                print("streamed:", line)
                break                        # stop early: the connection is closed


asyncio.run(main())
