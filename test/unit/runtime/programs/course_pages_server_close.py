# Talking to the network, "Closing properly": the end of `async with server` waits
# until every connection it accepted is closed, not for the handler tasks.
import asyncio
import time


async def handler(reader, writer):
    await asyncio.sleep(0.5)
    writer.close()  # the connection ends at 0.5 s
    await writer.wait_closed()
    await asyncio.sleep(1)  # the handler goes on until 1.5 s
    print(f"handler done at {time.perf_counter() - start:.1f} s")


async def main():
    global start
    start = time.perf_counter()
    server = await asyncio.start_server(handler, "127.0.0.1", 8995)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8995)
        await asyncio.sleep(0.1)
    print(f"async with server ended at {time.perf_counter() - start:.1f} s")
    await reader.read()
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(1.5)

asyncio.run(main())
