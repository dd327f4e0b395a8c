import asyncio

async def echo(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"hello\n")
        print(await reader.readline())
        writer.close()
        await writer.wait_closed()

asyncio.run(main())
