# A polite crawler, "A slot first, then your turn": waiting for the pace before the
# semaphore lets turns go stale and requests burst; slot first keeps the pace.
import asyncio
import collections
import time
from contextlib import asynccontextmanager

recent = collections.deque()  # when the server took its recent requests
counts = {"refused": 0, "open": 0, "most": 0}


async def site(reader, writer):
    """5 requests a second at most (429 past that); /slow takes 2 s, the others none."""
    counts["open"] += 1
    counts["most"] = max(counts["most"], counts["open"])
    try:
        path = (await reader.readuntil(b"\r\n\r\n")).split()[1].decode()
        now = time.perf_counter()
        while recent and recent[0] <= now - 1 + 0.05:
            recent.popleft()
        if len(recent) >= 5:
            counts["refused"] += 1
            head = "429 Too Many Requests"
        else:
            recent.append(now)
            head = "200 OK"
            if path.startswith("/slow"):
                await asyncio.sleep(2)
        writer.write(f"HTTP/1.1 {head}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
    finally:
        counts["open"] -= 1
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


async def fetch(path):
    async with connection("127.0.0.1", 8991) as (reader, writer):
        writer.write(f"GET {path} HTTP/1.1\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        status = int((await reader.readline()).split()[1])
        await reader.read()
    return status


class Pace:
    def __init__(self, per_second):
        self.gap = 1 / per_second
        self.next_free = None

    async def wait(self):
        now = asyncio.get_running_loop().time()
        slot = now if self.next_free is None else max(now, self.next_free)
        self.next_free = slot + self.gap
        await asyncio.sleep(slot - now)


PATHS = [f"/slow/{n}" for n in range(3)] + [f"/quick/{n}" for n in range(12)]


async def turn_then_slot(path, slots, pace):
    await pace.wait()
    async with slots:
        return await fetch(path)


async def slot_then_turn(path, slots, pace):
    async with slots:
        await pace.wait()
        return await fetch(path)


async def crawl(get):
    server = await asyncio.start_server(site, "127.0.0.1", 8991)
    async with server:
        recent.clear()
        counts.update(refused=0, most=0)
        slots, pace = asyncio.Semaphore(3), Pace(per_second=5)
        start = time.perf_counter()
        async with asyncio.TaskGroup() as group:
            for path in PATHS:
                group.create_task(get(path, slots, pace))
        took = time.perf_counter() - start
        print(f"{get.__name__}: refused some: {counts['refused'] > 0}, "
              f"at most {counts['most']} at once, over 4 s: {took > 4}")

asyncio.run(crawl(turn_then_slot))
asyncio.run(crawl(slot_then_turn))
