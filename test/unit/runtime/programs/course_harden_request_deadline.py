import asyncio
from contextlib import asynccontextmanager

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
import asyncio

IDLE = 2       # seconds between two lines, at most
DEADLINE = 5   # seconds for the whole request

async def read_request(reader):
    """Lines up to a blank line (or the end), each within IDLE seconds."""
    lines = []
    while True:
        async with asyncio.timeout(IDLE):
            line = await reader.readline()
        if not line.strip():
            return lines
        lines.append(line)

async def idle_only(reader, writer):
    try:
        request = await read_request(reader)
        writer.write(f"OK {len(request)} lines\n".encode())
    except TimeoutError:
        writer.write(b"ERROR too slow\n")
    writer.close()
    await writer.wait_closed()

async def with_deadline(reader, writer):
    try:
        async with asyncio.timeout(DEADLINE):
            request = await read_request(reader)
        writer.write(f"OK {len(request)} lines\n".encode())
    except TimeoutError:
        writer.write(b"ERROR too slow\n")
    writer.close()
    await writer.wait_closed()

async def trickle(port):
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with connection("127.0.0.1", port) as (reader, writer):
        async def send_forever():
            for n in range(1000):
                writer.write(f"X-Header-{n}: still here\n".encode())
                await asyncio.sleep(1.5)  # always within IDLE
        sending = asyncio.create_task(send_forever())
        try:
            async with asyncio.timeout(30):
                answer = await reader.readline()
            print(f"  {answer!r} after {loop.time() - start:.1f} s")
        except TimeoutError:
            took = loop.time() - start
            print(f"  no answer after {took:.1f} s, still sending")
        sending.cancel()

async def main():
    for port, handler in ((8961, idle_only), (8962, with_deadline)):
        print(handler.__name__)
        server = await asyncio.start_server(handler, "127.0.0.1", port)
        async with server:
            await trickle(port)

asyncio.run(main())
