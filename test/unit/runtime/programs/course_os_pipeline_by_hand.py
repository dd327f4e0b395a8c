import asyncio
import sys
from asyncio.subprocess import PIPE

NUMBER_LINES = """
import sys
for n, line in enumerate(sys.stdin, 1):
    print(n, line, end="")
"""

async def copy(source, sink):
    async for line in source:
        sink.write(line)
        await sink.drain()
    sink.close()

async def main():
    first = await asyncio.create_subprocess_exec(
        "echo", "one\ntwo\nthree", stdout=PIPE
    )
    second = await asyncio.create_subprocess_exec(
        sys.executable, "-c", NUMBER_LINES, stdin=PIPE, stdout=PIPE
    )
    async with asyncio.TaskGroup() as tg:
        tg.create_task(copy(first.stdout, second.stdin))
        numbered = tg.create_task(second.stdout.read())
    print(numbered.result().decode(), end="")
    print("return codes:", await first.wait(), await second.wait())

asyncio.run(main())
