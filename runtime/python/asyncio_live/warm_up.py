"""A small program run once at boot, its output and trace thrown away. The first run in
an interpreter pays for the code paths it uses for the first time; on a clock that
counts computation, a reader's first run would report "sleep until 1.01 s" where later
runs say 1.00. After the warm-up, the reader's first run costs what later ones do."""

from . import streams

from . import options as run_options

PROGRAM = """
import asyncio
import time
from asyncio_live import http

http.site("warm-up.example", {"/": "ok"})

async def ask(host, port, line):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(line)
    answer = await reader.read()
    writer.close()
    await writer.wait_closed()
    return answer

async def echo(reader, writer):
    writer.write(await reader.readline())
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def talk():
    server = await asyncio.start_server(echo, "127.0.0.1", 8000)
    async with server:
        await ask("127.0.0.1", 8000, b"hi\\n")
    await ask("warm-up.example", 80, b"GET / HTTP/1.1\\r\\nConnection: close\\r\\n\\r\\n")

async def step(delay):
    await asyncio.sleep(delay)
    print(delay)
    return delay

async def blocked():
    # A blocking sleep in a task and a timed print: the first lesson of blocking-the-loop,
    # whose first run on a page would otherwise compile these paths as it went, on the clock.
    started = time.perf_counter()
    time.sleep(0.5)
    print(f"blocked for {time.perf_counter() - started:.1f} s")

async def main():
    await asyncio.gather(step(0), step(1), blocked())
    async with asyncio.TaskGroup() as group:
        group.create_task(step(0))
    try:
        async with asyncio.timeout(0):
            await step(1)
    except TimeoutError:
        pass

asyncio.run(main())
asyncio.run(talk())
"""


def warm_up(run):
    """Run the warm-up program through ``run`` (runner.py's), as a reader's run goes."""
    options = run_options.defaults(deterministic=True, maxOutputLines=100, maxOutputBytes=10_000)
    result = run(PROGRAM, options, on_output=lambda stream, text, t: None, on_trace=lambda event: None)
    # A warm-up that fails warms nothing, and readers' runs still work: say so where the
    # runtime's developers look (the console, test output), and boot on.
    if not result["ok"]:
        streams.REAL_STDERR.write(f"asyncio-live: the warm-up run failed: {result['error']}\n")
