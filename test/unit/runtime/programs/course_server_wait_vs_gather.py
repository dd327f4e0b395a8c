# A time limit that ends asyncio.wait() leaves the tasks running; one that ends gather()
# cancels them. A handler's error in a TaskGroup that owns the handlers cancels the
# code inside the group's block, and the TaskGroup raises it.
import asyncio


async def job(name, seconds):
    try:
        await asyncio.sleep(seconds)
        return f"{name} done"
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def limited(waiter, name):
    tasks = [asyncio.create_task(job(name, 1))]
    try:
        async with asyncio.timeout(0.5):
            await waiter(tasks)
    except TimeoutError:
        print(f"{name}: time is up; task cancelled? {tasks[0].cancelling() > 0 or tasks[0].cancelled()}")
    await asyncio.sleep(0)
    print(f"{name}: task done {tasks[0].done()}")
    if not tasks[0].done():
        print(await tasks[0])


async def broken(reader, writer):
    try:
        await reader.readline()
        raise ValueError("a bug in one handler")
    finally:
        writer.close()  # start_server does not close it for a task it did not start


async def group_owns_handlers():
    try:
        async with asyncio.TaskGroup() as handlers:
            server = await asyncio.start_server(
                lambda reader, writer: handlers.create_task(broken(reader, writer)),
                "127.0.0.1", 0)
            port = server.sockets[0].getsockname()[1]
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"hello\n")
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("main: cancelled by the group")
                raise
            finally:
                server.close()
                writer.close()
                await writer.wait_closed()
    except* ValueError as group:
        print("TaskGroup raised:", group.exceptions)
    await server.wait_closed()
    print("wait_closed returned; serving:", server.is_serving())


async def main():
    await limited(lambda tasks: asyncio.wait(tasks), "wait")
    await limited(lambda tasks: asyncio.gather(*tasks), "gather")
    await group_owns_handlers()


asyncio.run(main())
