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

async def forgiving(reader, writer):
    while True:
        try:
            line = await reader.readline()
        except ValueError as error:
            print(f"  server: {error}; reading on")
            continue
        if not line:
            break
        print(f"  server: command {line.strip()!r}")
        writer.write(b"OK\n")
    writer.close()
    await writer.wait_closed()

async def strict(reader, writer):
    while True:
        try:
            line = await reader.readline()
        except ValueError as error:
            print(f"  server: {error}; hanging up")
            writer.write(b"ERROR line too long\n")
            break
        if not line:
            break
        print(f"  server: command {line.strip()!r}")
        writer.write(b"OK\n")
    writer.close()
    await writer.wait_closed()

async def attacker(port):
    async with connection("127.0.0.1", port) as (reader, writer):
        writer.write(b"NOTE " + b"a" * 200)  # no newline yet
        await asyncio.sleep(0.1)
        writer.write(b"DELETE everything\n")
        print("  client got", await reader.readline())

async def main():
    for port, handler in ((8955, forgiving), (8956, strict)):
        print(handler.__name__)
        server = await asyncio.start_server(
            handler, "127.0.0.1", port, limit=100)
        async with server:
            await attacker(port)

asyncio.run(main())

# What readline and readuntil leave in the buffer (limit 10).
async def probe(reader, writer):
    try:
        await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as error:
        print("readuntil:", type(error).__name__, "|", error, "| consumed:",
              error.consumed, "| left in the buffer:", len(reader._buffer))
    try:
        await reader.readline()
    except ValueError as error:
        print("readline:", type(error).__name__, "|", error, "| context:",
              type(error.__context__).__name__, "| left:", bytes(reader._buffer))
    print("next:", await reader.readline())
    writer.close()
    await writer.wait_closed()

async def claims():
    print("default limit:", asyncio.streams._DEFAULT_LIMIT)
    server = await asyncio.start_server(probe, "127.0.0.1", 8968, limit=10)
    async with server:
        r, w = await asyncio.open_connection("127.0.0.1", 8968)
        w.write(b"0123456789ABCDEF\nnext\n")
        await w.drain()
        await asyncio.sleep(0.1)
        w.close()
        await w.wait_closed()

asyncio.run(claims())
