# writer.close() with data still buffered: it returns at once, but the connection
# stays open (the transport keeps trying to send) until the peer reads or leaves.
import asyncio

PIECE = b"x" * 65536  # 64 KiB

async def send_file(reader, writer):
    await reader.readline()
    loop = asyncio.get_running_loop()
    try:
        for _ in range(160):  # 10 MiB in all
            writer.write(PIECE)
            async with asyncio.timeout(1):
                await writer.drain()
    except TimeoutError:
        print("server: drain gave up after 1 s")
    start = loop.time()
    writer.close()
    print(f"server: close() returned after {loop.time() - start:.1f} s")
    print("server: closing:", writer.transport.is_closing(),
          "| still buffered:", writer.transport.get_write_buffer_size() > 0)
    closed = asyncio.ensure_future(writer.wait_closed())
    await asyncio.wait([closed], timeout=3)  # does not cancel it
    print(f"server: wait_closed() still waiting after {loop.time() - start:.1f} s:",
          not closed.done())
    try:
        await closed
        print(f"server: closed after {loop.time() - start:.1f} s")
    except ConnectionError as error:
        print(f"server: closed after {loop.time() - start:.1f} s: {error!r}")

async def main():
    server = await asyncio.start_server(send_file, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"stuck\n")
        await asyncio.sleep(10)  # connected, and not reading
        print("client: leaves")
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass
        await asyncio.sleep(0.1)

asyncio.run(main())
