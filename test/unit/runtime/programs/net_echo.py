import asyncio


async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    host, _port = writer.get_extra_info("peername")
    print(f"server: received {message!r} from {host}")
    writer.write(data)
    await writer.drain()
    print("server: closing the connection")
    writer.close()
    await writer.wait_closed()


async def client(message):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    print(f"client: send {message!r}")
    writer.write(message.encode())
    await writer.drain()
    data = await reader.read(100)
    print(f"client: received {data.decode()!r}")
    print("client: at EOF?", (await reader.read(100)) == b"", reader.at_eof())
    writer.close()
    await writer.wait_closed()
    print("client: closed", writer.is_closing())


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 8888)
    print("serving on", server.sockets[0].getsockname(), server.is_serving())
    async with server:
        await client("Hello World!")
        await client("second")
    print("serving after the with block?", server.is_serving())
    await server.wait_closed()
    print("server closed")


asyncio.run(main())
