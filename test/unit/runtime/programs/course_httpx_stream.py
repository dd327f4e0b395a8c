# httpx 0.28.1 over real loopback: a stream left early closes its connection (the server
# sees the reset at its next writes) and the next request opens a new one; a body read
# to the end gives the connection back to the pool; a cancelled request closes its
# connection too. Response: status, headers (any case), json(), text.
import asyncio
import json

import httpx

seen = {"opened": 0, "open": 0, "reset": 0}


async def site(reader, writer):
    seen["opened"] += 1
    seen["open"] += 1
    try:
        while request := await reader.readline():
            while (await reader.readline()).strip():
                pass
            path = request.split()[1]
            if path == b"/prices":
                body = json.dumps({"tea": 3.5, "coffee": 4.2}).encode()
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            elif path == b"/slow":
                await asyncio.sleep(2)
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nslow")
            else:  # /log: 20 lines, one every 0.1 s
                lines = [b"line %02d\n" % n for n in range(1, 21)]
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % sum(map(len, lines)))
                for line in lines:
                    await asyncio.sleep(0.1)
                    writer.write(line)
                    await writer.drain()
            await writer.drain()
    except ConnectionError:
        seen["reset"] += 1
    finally:
        seen["open"] -= 1
        writer.close()


async def main():
    server = await asyncio.start_server(site, "127.0.0.1", 8231)
    base = "http://127.0.0.1:8231"
    async with httpx.AsyncClient() as client:
        response = await client.get(f"{base}/prices")
        print(response.status_code, response.reason_phrase, response.http_version)
        print(response.headers["content-type"], response.headers["Content-Type"])
        print(response.json()["tea"], response.text)
        print(response.raise_for_status() is response)

        async with client.stream("GET", f"{base}/log") as response:
            lines = []
            async for line in response.aiter_lines():
                lines.append(line)
                if len(lines) == 3:
                    break
        print("first lines:", lines, "| stream closed:", response.is_closed)
        try:
            await response.aread()
        except httpx.StreamConsumed:
            print("reading on after the block: StreamConsumed")
        await asyncio.sleep(0.5)
        print("after leaving early:", seen)
        await client.get(f"{base}/prices")
        print("next request:", seen)

        async with client.stream("GET", f"{base}/log") as response:
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
        print("read to the end:", size, "bytes")
        await client.get(f"{base}/prices")
        print("next request:", seen)

        async with client.stream("GET", f"{base}/prices") as response:
            pass
        try:
            await response.aread()
        except httpx.StreamClosed:
            print("reading after the block: StreamClosed")

        task = asyncio.create_task(client.get(f"{base}/slow"))
        await asyncio.sleep(0.5)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print("request cancelled")
        await asyncio.sleep(2)
        print("after the cancel:", seen)
        await client.get(f"{base}/prices")
        print("next request:", seen)
    server.close()
    await server.wait_closed()


asyncio.run(main())
