# A stream's transport, printed: named as in CPython (3.13).
import asyncio


async def main():
    server = await asyncio.start_server(lambda reader, writer: writer.close(), "127.0.0.1", 0)
    async with server:
        _, writer = await asyncio.open_connection(*server.sockets[0].getsockname())
        transport = type(writer.transport)
        print(transport.__module__, transport.__qualname__)
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
