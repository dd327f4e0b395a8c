import asyncio

async def heartbeat(writer):
    while True:
        await asyncio.sleep(5)
        writer.write(b"PING\n")

async def shout(reader, writer):
    beat = asyncio.create_task(heartbeat(writer))
    try:
        while line := await reader.readline():
            writer.write(line.upper())
            await writer.drain()
    except ValueError:  # a line longer than the server's limit
        writer.write(b"ERROR line too long\n")
        return
    except ConnectionError:  # the client vanished
        return
    beat.cancel()
    writer.close()
    await writer.wait_closed()

async def fixed_shout(reader, writer):
    beat = asyncio.create_task(heartbeat(writer))
    try:
        while line := await reader.readline():
            writer.write(line.upper())
            await writer.drain()
    except ValueError:  # a line longer than the server's limit
        writer.write(b"ERROR line too long\n")
    except ConnectionError:  # the client vanished
        pass
    finally:
        beat.cancel()
        writer.close()
        try:
            await writer.wait_closed()
        except ConnectionError:
            pass

async def client(port, text):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(text)
    writer.write_eof()  # that is all this client says
    answer = await reader.readline()
    try:
        async with asyncio.timeout(1):
            await reader.read()
        ending = "then the server closed"
    except TimeoutError:
        ending = "and the connection is still open"
    print(f"{text[:10]!r}: got {answer!r}, {ending}")
    writer.close()
    await writer.wait_closed()

async def main(handler, port):
    print(handler.__name__)
    server = await asyncio.start_server(handler, "127.0.0.1", port, limit=100)
    await client(port, b"hello\n")
    await client(port, b"x" * 500 + b"\n")
    await client(port, b"y" * 500 + b"\n")
    await asyncio.sleep(1)
    others = asyncio.all_tasks() - {asyncio.current_task()}
    print("tasks still running:", len(others))
    server.close()
    try:
        async with asyncio.timeout(2):
            await server.wait_closed()
        print("server closed")
    except TimeoutError:
        print("server.wait_closed() still waiting after 2 s")

asyncio.run(main(shout, 9060))
asyncio.run(main(fixed_shout, 9062))
