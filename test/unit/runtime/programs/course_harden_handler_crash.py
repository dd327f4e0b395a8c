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

async def halve(reader, writer):
    number = int(await reader.readline())
    writer.write(f"{number / 2}\n".encode())
    writer.close()
    await writer.wait_closed()

async def guarded(reader, writer):
    try:
        await halve(reader, writer)
    except Exception as error:
        print(f"  server: {error!r}")  # a real server logs it
        writer.write(b"ERROR sorry, that went wrong\n")
    finally:
        writer.close()
        await writer.wait_closed()

def exception_handler(loop, context):
    print(f"  loop: {context['message']}: {context['exception']!r}")

async def ask(port, text):
    async with connection("127.0.0.1", port) as (reader, writer):
        writer.write(text)
        print(f"  client sent {text!r}, got {await reader.read()!r}")

async def main():
    asyncio.get_running_loop().set_exception_handler(exception_handler)
    for port, handler in ((8959, halve), (8960, guarded)):
        print(handler.__name__)
        server = await asyncio.start_server(handler, "127.0.0.1", port)
        async with server:
            for text in (b"10\n", b"ten\n", b"3\n"):
                await ask(port, text)

asyncio.run(main())
