import asyncio

PIECE = b"x" * 65536

async def feed(reader, writer):
    await reader.readline()
    loop = asyncio.get_running_loop()
    for _ in range(160):
        writer.write(PIECE)
        try:
            async with asyncio.timeout(2):
                await writer.drain()
        except TimeoutError:
            break
    print("server: more than 64 KiB still buffered:",
          writer.transport.get_write_buffer_size() > 65536)
    writer.close()
    closing = asyncio.ensure_future(writer.wait_closed())
    done, _ = await asyncio.wait({closing}, timeout=5)
    print("server: closed within 5 s of close():", bool(done),
          "| is_closing:", writer.is_closing())
    start = loop.time()
    writer.transport.abort()
    await closing
    print(f"server: closed {loop.time() - start:.1f} s after abort()")

async def main():
    server = await asyncio.start_server(feed, "127.0.0.1", 8969)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8969)
        writer.write(b"hi\n")
        await asyncio.sleep(10)  # and never reads
        writer.transport.abort()

asyncio.run(main())
