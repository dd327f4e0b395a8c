# A second SIGTERM cuts the grace period short: the first sets an Event, the second
# cancels the handlers still running (two ways: one callback that checks the Event, or
# add_signal_handler again from the first callback, which replaces it). A single
# SIGTERM still gives the handlers the whole grace period.
import asyncio
import os
import signal
import time

START = time.perf_counter()


def say(text):
    print(f"{time.perf_counter() - START:.1f} {text}")


handlers = set()  # the handler tasks still running


async def handle(reader, writer):
    handlers.add(asyncio.current_task())
    try:
        while line := await reader.readline():
            job, seconds = line.decode().split()
            try:
                await asyncio.sleep(float(seconds))  # the work
            except asyncio.CancelledError:
                say(f"server: gave up on {job}")
                raise
            writer.write(f"done: {job}\n".encode())
            await writer.drain()
    finally:
        handlers.discard(asyncio.current_task())
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass


async def shut_down(server, grace):
    server.close()
    running = set(handlers)
    if running:
        try:
            async with asyncio.timeout(grace):
                await asyncio.wait(running)
        except TimeoutError:
            for task in running:
                task.cancel()
            await asyncio.wait(running)
    await server.wait_closed()


async def client(name, port, job, seconds, at):
    await asyncio.sleep(at)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"{job} {seconds}\n".encode())
        if line := await reader.readline():
            say(f"{name} reads {line.decode().strip()!r}")
        else:
            say(f"{name}: the server hung up")
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass


def stop_now():
    say("SIGTERM again: stopping now")
    for task in handlers:
        task.cancel()


async def main(signals_at, replace):
    global START
    START = time.perf_counter()
    loop = asyncio.get_running_loop()
    for at in signals_at:
        loop.call_later(at, os.kill, os.getpid(), signal.SIGTERM)
    stop = asyncio.Event()

    def checks_the_event():
        if not stop.is_set():
            stop.set()
        else:
            stop_now()

    def replaces_itself():
        stop.set()
        loop.add_signal_handler(signal.SIGTERM, stop_now)

    loop.add_signal_handler(signal.SIGTERM, replaces_itself if replace else checks_the_event)
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with asyncio.TaskGroup() as clients:
        clients.create_task(client("ada", port, "backup", 1, at=0.5))
        clients.create_task(client("bo", port, "index", 60, at=0.5))
        await stop.wait()
        say("SIGTERM: shutting down, with 3 s of grace")
        await shut_down(server, grace=3)
        say("server: closed")


for signals_at, replace in (((1.0, 2.0), False), ((1.0, 2.0), True), ((1.0,), False)):
    how = "add_signal_handler again" if replace else "one callback"
    print(f"-- SIGTERM at {', '.join(map(str, signals_at))} s ({how})")
    asyncio.run(main(signals_at, replace))
