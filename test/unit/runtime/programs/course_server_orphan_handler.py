# A handler task nobody awaits: leaving `async with server` does not wait for it, and
# asyncio.run cancels it when the main task returns.
import asyncio


async def handle(reader, writer):
    await reader.read()  # the client hangs up: b""
    writer.close()
    await writer.wait_closed()
    try:
        print("handler: saving the log")
        await asyncio.sleep(0.4)
        print("handler: log saved")
    except asyncio.CancelledError:
        print("handler: cancelled, the log is lost")
        raise


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        await asyncio.sleep(0.1)
        writer.close()
        await writer.wait_closed()
    print("main: server closed, returning")


asyncio.run(main())
print("asyncio.run returned")
