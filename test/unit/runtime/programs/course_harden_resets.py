import asyncio

async def rude(reader, writer):
    writer.close()  # the request is never read
    await writer.wait_closed()

async def polite(reader, writer):
    await reader.readline()
    writer.close()
    await writer.wait_closed()

async def ask(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"PRICE tea\n")
    try:
        print("  readline:", await reader.readline())
    except ConnectionError as error:
        print("  readline:", repr(error))
    writer.close()
    try:
        await writer.wait_closed()
    except ConnectionError as error:
        print("  wait_closed:", repr(error))

async def main():
    for port, handler in ((8970, rude), (8971, polite)):
        print(handler.__name__)
        server = await asyncio.start_server(handler, "127.0.0.1", port)
        async with server:
            await ask(port)
            await ask(port)

asyncio.run(main())

async def half_unread(reader, writer):
    writer.write(b"3.5")
    writer.close()
    await writer.wait_closed()

async def half_read(reader, writer):
    await reader.readline()
    writer.write(b"3.5")
    writer.close()
    await writer.wait_closed()

async def main2():
    for port, handler in ((8972, half_unread), (8973, half_read)):
        server = await asyncio.start_server(handler, "127.0.0.1", port)
        async with server:
            for _ in range(3):
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(b"PRICE tea\n")
                try:
                    print(handler.__name__, "readline:", await reader.readline())
                except ConnectionError as error:
                    print(handler.__name__, "readline:", repr(error))
                writer.close()
                try:
                    await writer.wait_closed()
                except ConnectionError:
                    pass

asyncio.run(main2())
