import asyncio

async def forgetful(reader, writer):
    await reader.readline()
    writer.write(b"answer\n")
    # no close

async def main():
    server = await asyncio.start_server(forgetful, "127.0.0.1", 8967)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8967)
        writer.write(b"q\n")
        print(await reader.readline())
        try:
            async with asyncio.timeout(2):
                print("then", await reader.read())
        except TimeoutError:
            print("still open after 2 s")
        writer.close()
        await writer.wait_closed()

asyncio.run(main())
