import asyncio


async def hang_up(reader, writer):
    print("server: hanging up at once")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(hang_up, "127.0.0.1", 8893)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8893)
    print("client: read", await reader.read(100), reader.at_eof())
    for attempt in range(1, 4):
        try:
            writer.write(b"are you there?")
            await writer.drain()
            print("client: write", attempt, "went out")
        except ConnectionError as error:
            print("client: write", attempt, "failed:", type(error).__name__, error)
        await asyncio.sleep(0.1)
    writer.close()
    try:
        await writer.wait_closed()
    except ConnectionError as error:
        print("client: wait_closed:", type(error).__name__, error)
    server.close()
    await server.wait_closed()


asyncio.run(main())
