# What the check of "The handler that outlives the server" sees: for each way of ending
# main, with logs that take 0.1 s and 5 s, how long main took and how each handler had
# ended when main returned. A fixed sleep waits too long for quick handlers and leaves
# slow ones to asyncio.run; a grace period with cancel-and-wait, or a TaskGroup with a
# deadline, ends every handler before main returns.
import asyncio
from contextlib import asynccontextmanager

LOG_SECONDS = 0.2
handlers = set()
ended = []


@asynccontextmanager
async def connection(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        yield reader, writer
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass


async def handle(reader, writer):
    task = asyncio.current_task()
    handlers.add(task)
    task.add_done_callback(handlers.discard)
    try:
        await reader.readline()
        await reader.read()
        writer.close()
        await writer.wait_closed()
        await asyncio.sleep(LOG_SECONDS)
    except asyncio.CancelledError:
        ended.append("cancelled")
        raise
    ended.append("logged")


async def visit(port, name, stay):
    async with connection("127.0.0.1", port) as (reader, writer):
        writer.write(f"{name}\n".encode())
        await asyncio.sleep(stay)


async def serve(start):
    server = await asyncio.start_server(start, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        async with asyncio.TaskGroup() as group:
            group.create_task(visit(port, "ada", 0.1))
            group.create_task(visit(port, "bo", 0.5))


async def fixed_sleep():
    await serve(handle)
    await asyncio.sleep(1)


async def grace_period():
    await serve(handle)
    running = set(handlers)
    if running:
        try:
            async with asyncio.timeout(1):
                await asyncio.wait(running)
        except TimeoutError:
            for task in running:
                task.cancel()
            await asyncio.wait(running)


async def task_group_deadline():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as deadline:
            async with asyncio.TaskGroup() as group:
                await serve(lambda r, w: group.create_task(handle(r, w)))
                deadline.reschedule(loop.time() + 1)
    except TimeoutError:
        pass


async def measure(main):
    loop = asyncio.get_running_loop()
    began = loop.time()
    await main()
    return loop.time() - began, list(ended)


for main in (fixed_sleep, grace_period, task_group_deadline):
    for LOG_SECONDS in (0.1, 5):
        ended.clear()
        took, when_main_returned = asyncio.run(measure(main))
        print(f"{main.__name__}, logs of {LOG_SECONDS} s: main took {took:.1f} s, "
              f"handlers ended by then: {when_main_returned}")
