import asyncio
import sys
import time
from asyncio.subprocess import PIPE

CHILD = """
import sys, time
name, pause, count = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
for n in range(1, count + 1):
    time.sleep(pause)
    print(name, n, flush=True)
"""

async def start(name, pause, count):
    return await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, name, str(pause), str(count), stdout=PIPE
    )

async def show(proc, began):
    async for line in proc.stdout:
        print(f"{time.perf_counter() - began:.1f} s: {line.decode().strip()}")
    await proc.wait()

async def main():
    print("one after the other")
    began = time.perf_counter()
    slow = await start("slow", 1, 2)
    quick = await start("quick", 0.4, 3)
    await show(slow, began)
    await show(quick, began)

    print("together")
    began = time.perf_counter()
    slow = await start("slow", 1, 2)
    quick = await start("quick", 0.4, 3)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(show(slow, began))
        tg.create_task(show(quick, began))

asyncio.run(main())
