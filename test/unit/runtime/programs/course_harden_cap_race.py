import asyncio

MAX_GUESTS = 2
places = asyncio.Semaphore(MAX_GUESTS)

async def handle(reader, writer):
    if places.locked():
        writer.write(b"BUSY try again later\n")
    else:
        writer.write(b"WELCOME who are you?\n")
        name = (await reader.readline()).decode().strip()
        async with places:
            await asyncio.sleep(2)  # serving a guest takes 2 s
            writer.write(f"goodbye, {name}\n".encode())
    writer.close()
    await writer.wait_closed()

async def fixed_handle(reader, writer):
    if places.locked():
        writer.write(b"BUSY try again later\n")
    else:
        async with places:  # taken with no await since the test
            writer.write(b"WELCOME who are you?\n")
            name = (await reader.readline()).decode().strip()
            await asyncio.sleep(2)  # serving a guest takes 2 s
            writer.write(f"goodbye, {name}\n".encode())
    writer.close()
    await writer.wait_closed()

async def guest(port, name):
    loop = asyncio.get_running_loop()
    start = loop.time()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    greeting = await reader.readline()
    if greeting.startswith(b"WELCOME"):
        writer.write(f"{name}\n".encode())
        answer = await reader.readline()
    else:
        answer = greeting
    print(f"{name}: {answer!r} after {loop.time() - start:.1f} s")
    writer.close()
    await writer.wait_closed()

async def main(handler, port):
    print(handler.__name__)
    server = await asyncio.start_server(handler, "127.0.0.1", port)
    async with server:
        async with asyncio.TaskGroup() as tg:
            for name in ("ada", "bo", "cy", "di"):
                tg.create_task(guest(port, name))

asyncio.run(main(handle, 9050))
places = asyncio.Semaphore(MAX_GUESTS)  # the first run bound it to its loop
asyncio.run(main(fixed_handle, 9051))
