# Downloading many pages, "Retries": 503, then 429 with Retry-After, then 200;
# a deadline around all the attempts; nested time limits.
import asyncio
import random
import time
from contextlib import asynccontextmanager

seen = {"api": 0}


async def api(reader, writer):
    """503 to the first request, 429 (Retry-After: 1) to one less than a second
    after it, 200 after that."""
    await reader.readuntil(b"\r\n\r\n")
    now = time.perf_counter()
    seen["api"] += 1
    if seen["api"] == 1:
        seen["first"] = now
        head, body = "503 Service Unavailable", "Something went wrong\n"
    elif now - seen["first"] < 0.95:
        head, body = "429 Too Many Requests\r\nRetry-After: 1", "Too many requests\n"
    else:
        head, body = "200 OK", "tea 3.50, coffee 4.20"
    writer.write(f"HTTP/1.1 {head}\r\nContent-Length: {len(body)}\r\n"
                 f"Connection: close\r\n\r\n{body}".encode())
    await writer.drain()
    writer.close()


async def down(reader, writer):
    await reader.readuntil(b"\r\n\r\n")
    await asyncio.sleep(0.2)
    writer.write(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                 b"Connection: close\r\n\r\n")
    await writer.drain()
    writer.close()


async def slow(reader, writer):
    await reader.readuntil(b"\r\n\r\n")
    try:
        await reader.read()  # never answers; ends when the client hangs up
    finally:
        writer.close()


@asynccontextmanager
async def connection(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        yield reader, writer
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass  # the peer may have reset the connection already


async def fetch(port, path, host="127.0.0.1"):
    async with connection(host, port) as (reader, writer):
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        status_line = await reader.readline()
        if not status_line:
            raise ConnectionResetError(f"{host} hung up without answering")
        status = int(status_line.split()[1])
        headers = {}
        while (line := await reader.readline()).strip():
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body = await reader.read()
    return status, headers, body.decode()


TRY_AGAIN = {429, 500, 502, 503, 504}


def retry_after(headers):
    value = headers.get("retry-after", "")
    return float(value) if value.isdigit() else None


async def get_with_retries(port, path, attempts=5, backoff=0.2, cap=10, limit=2):
    for attempt in range(1, attempts + 1):
        asked = None
        try:
            async with asyncio.timeout(limit):
                status, headers, body = await fetch(port, path)
        except (ConnectionError, TimeoutError) as error:
            failure = type(error).__name__
        else:
            if status == 200:
                return body
            if status not in TRY_AGAIN:
                raise LookupError(f"{port}{path}: {status}")
            failure, asked = status, retry_after(headers)
        print(f"{port}{path} attempt {attempt}: {failure}"
              + (f", retry after {asked:g} s" if asked is not None else ""))
        if attempt == attempts:
            break
        wait = min(cap, backoff * 2 ** (attempt - 1))
        wait += random.uniform(0, wait)
        if asked is not None:
            wait = max(wait, asked)
        await asyncio.sleep(wait)
    raise RuntimeError(f"{port}{path}: failed {attempts} times")


async def main():
    servers = [await asyncio.start_server(api, "127.0.0.1", 8971),
               await asyncio.start_server(down, "127.0.0.1", 8972),
               await asyncio.start_server(slow, "127.0.0.1", 8973)]
    print(await get_with_retries(8971, "/prices"))
    for port, deadline in [(8972, 2), (8973, 3)]:
        start = time.perf_counter()
        try:
            async with asyncio.timeout(deadline):
                print(await get_with_retries(port, "/", backoff=0.2, limit=1.5))
        except TimeoutError:
            print(f"{port}: no answer by the deadline, {time.perf_counter() - start:.1f} s")
    for server in servers:
        server.close()
        server.close_clients()

asyncio.run(main())
