# server.wait_closed() (3.12+) waits until the server's side of every connection has
# closed, not for the handler tasks; a cancelled serve_forever() closes the server and
# waits in wait_closed() for the connections still open; start_serving=False.
import asyncio
import time

START = time.perf_counter()


def say(text):
    print(f"{time.perf_counter() - START:.2f} {text}")


async def handle(reader, writer):
    await reader.read()  # until the client hangs up
    writer.close()
    await writer.wait_closed()
    say("handler: connection closed, more work to do")
    await asyncio.sleep(0.4)
    say("handler: finished")


async def idle(reader, writer):
    await reader.read()
    writer.close()
    await writer.wait_closed()


async def wait_closed_and_handlers():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    server.close()
    waiting = asyncio.create_task(server.wait_closed())
    await asyncio.sleep(0.1)
    say(f"client still connected: wait_closed done {waiting.done()}")
    writer.close()
    await writer.wait_closed()
    await waiting
    say("wait_closed returned")
    await asyncio.sleep(0.6)
    say("main: later")


async def serve_forever_cancelled():
    server = await asyncio.start_server(idle, "127.0.0.1", 0, start_serving=False)
    say(f"start_serving=False: serving {server.is_serving()}")
    await server.start_serving()
    say(f"after start_serving(): serving {server.is_serving()}")
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    serving = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0.1)
    serving.cancel()
    await asyncio.sleep(0.5)
    say(f"serve_forever cancelled 0.5 s ago: done {serving.done()}, serving {server.is_serving()}")
    writer.close()
    await writer.wait_closed()
    try:
        await serving
    except asyncio.CancelledError:
        say("serve_forever ended once the client had gone")


async def main():
    await wait_closed_and_handlers()
    global START
    START = time.perf_counter()
    await serve_forever_cancelled()


asyncio.run(main())
