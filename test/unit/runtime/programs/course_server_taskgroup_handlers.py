# Handlers started in a TaskGroup of one's own: the callback returns a task, so
# start_server makes none; leaving the group waits for every handler.
import asyncio
import time

START = time.perf_counter()

def say(text):
    print(f"{time.perf_counter() - START:.1f} {text}")

async def handle(reader, writer):
    await reader.read()
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.5)  # work after the connection has gone
    say("handler: finished")

async def main():
    async with asyncio.TaskGroup() as handlers:
        server = await asyncio.start_server(
            lambda reader, writer: handlers.create_task(handle(reader, writer)),
            "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        async with server:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            await asyncio.sleep(0.1)
            writer.close()
            await writer.wait_closed()
        say(f"server closed; tasks alive: {len(asyncio.all_tasks())}")
    say("every handler has finished")

asyncio.run(main())
