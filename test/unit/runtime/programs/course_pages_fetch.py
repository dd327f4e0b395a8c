# Downloading many pages: fetch with the connection helper, on loopback servers.
# What a time limit, a cancelled race and a failed TaskGroup leave open.
import asyncio
import time
from contextlib import asynccontextmanager

open_now = {}  # connections each server has open


def start_site(port, pages):
    """A server on 127.0.0.1:port; pages are {path: (seconds, body)}, seconds None
    for never; it stops working on a request when its client hangs up."""
    open_now[port] = 0

    async def serve(reader, writer):
        open_now[port] += 1
        try:
            path = (await reader.readuntil(b"\r\n\r\n")).split()[1].decode()
            seconds, body = pages.get(path, (0, None))
            if body == "hang up":
                return
            try:
                async with asyncio.timeout(seconds):
                    await reader.read()  # returns early if the client hangs up
                return
            except TimeoutError:
                pass
            status = "200 OK" if body is not None else "404 Not Found"
            body = (body or "Not found\n").encode()
            writer.write(f"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\n"
                         f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            open_now[port] -= 1
            writer.close()

    return asyncio.start_server(serve, "127.0.0.1", port)


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
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}\r\n"
                   "Connection: close\r\n\r\n")
        writer.write(request.encode())
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


async def leaky_fetch(port, path, host="127.0.0.1"):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    answer = await reader.read()
    writer.close()
    await writer.wait_closed()
    return answer


async def one_page():
    print(await fetch(8961, "/"))
    print(await fetch(8961, "/no-such-page"))
    try:
        await fetch(8961, "/drop")
    except ConnectionError as error:
        print(f"{type(error).__name__}: {error}")


async def three_time_outs(get, keep):
    await asyncio.sleep(0.1)
    before = open_now[8962]
    errors = []
    for _ in range(3):
        try:
            async with asyncio.timeout(0.2):
                await get(8962, "/")
        except TimeoutError as error:
            if keep:
                errors.append(error)
    await asyncio.sleep(0.1)
    print(f"{get.__name__}, errors kept: {keep}: {open_now[8962] - before} more connections open")


async def fastest(ports, path):
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(port, path)) for port in ports]
        for next_done in asyncio.as_completed(tasks):
            status, headers, body = await next_done
            break
        for task in tasks:
            task.cancel()
    return body


async def get_page(path):
    status, headers, body = await fetch(8966, path)
    if status != 200:
        raise LookupError(f"{path}: {status}")
    return body


async def with_gather(paths, report):
    bodies = await asyncio.gather(*(get_page(path) for path in paths))
    for path, body in zip(paths, bodies):
        report(path, body)
    return bodies


async def with_taskgroup(paths, report):
    async def one(path):
        body = await get_page(path)
        report(path, body)
        return body

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(one(path)) for path in paths]
    return [task.result() for task in tasks]


async def main():
    servers = [
        await start_site(8961, {"/": (0, "Welcome to the bookshop"), "/drop": (0, "hang up")}),
        await start_site(8962, {"/": (None, "")}),
        await start_site(8963, {"/file": (0.5, "file from eu")}),
        await start_site(8964, {"/file": (0.1, "file from us")}),
        await start_site(8965, {"/file": (0.3, "file from asia")}),
        await start_site(8966, {"/big": (0.9, "big file"), "/medium": (0.5, "medium file"),
                                "/small": (0.1, "small file")}),
    ]
    await one_page()

    await three_time_outs(fetch, keep=True)
    await three_time_outs(leaky_fetch, keep=True)
    await three_time_outs(leaky_fetch, keep=False)  # the writers are collected, and close

    start = time.perf_counter()
    body = await fastest([8963, 8964, 8965], "/file")
    print(f"{body}, after {time.perf_counter() - start:.1f} s")
    await asyncio.sleep(0.1)
    print("mirrors still open:", sum(open_now[p] for p in (8963, 8964, 8965)))

    for download_all in (with_gather, with_taskgroup):
        start = time.perf_counter()

        def report(path, body):
            print(f"  {time.perf_counter() - start:.1f} s: {path}")

        print(download_all.__name__)
        print(" ", await download_all(["/big", "/small", "/medium"], report))
        try:
            await download_all(["/big", "/missing", "/medium"], report)
        except* LookupError as failed:
            print("  failed:", *failed.exceptions)
        await asyncio.sleep(0.1)
        print("  still open:", open_now[8966])
        await asyncio.sleep(1)  # let gather's leftovers finish

    for server in servers:
        server.close()
        server.close_clients()

asyncio.run(main())
