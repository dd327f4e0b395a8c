import asyncio


async def serve(reader, writer):
    writer.write(b"line one\nline two\nHEADER:value;rest")
    await writer.drain()
    writer.write(b"12345")
    writer.write_eof()
    print("server: can write EOF?", writer.can_write_eof())
    data = await reader.read()
    print("server: the client sent", data, "then EOF")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 8891)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8891)
    print(await reader.readline())
    print(await reader.readuntil(b"\n"))
    print(await reader.readuntil(b":"))
    print(await reader.readexactly(6))
    print(await reader.readexactly(1))
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as error:
        print("IncompleteReadError:", error, error.partial, error.expected)
    print(await reader.readline(), reader.at_eof())
    print(await reader.read(), await reader.readline())
    writer.write(b"bye")
    writer.write_eof()
    await writer.drain()
    await asyncio.sleep(0.1)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
