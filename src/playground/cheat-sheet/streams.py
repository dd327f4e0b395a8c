# Cheat sheet: streams and servers.
import asyncio


async def handle(reader, writer):            # a new task for each connection
    line = await reader.readline()           # up to and including b"\n"
    size = int((await reader.readuntil(b":"))[:-1])  # up to and including a separator
    body = await reader.readexactly(size)    # exactly n bytes
    writer.write(line.upper() + body[::-1])
    await writer.drain()                     # waits while too much is queued
    rest = await reader.read()               # everything until the client's EOF
    writer.write(b" | " + rest)
    writer.close()                           # after what is queued
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)  # port 0: any free port
    port = server.sockets[0].getsockname()[1]
    async with server:                       # closes the server at the end
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"hello\n4:abcd")
        writer.write(b"the end")
        writer.write_eof()                   # ends our direction only
        print(await reader.read())
        writer.close()
        await writer.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as error:
        print(type(error).__name__, error.errno)


asyncio.run(main())
