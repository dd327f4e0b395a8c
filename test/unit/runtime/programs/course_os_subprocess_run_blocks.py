import asyncio
import subprocess
import sys
import time

SLOW = "import time; time.sleep(1); print('report ready')"

async def heartbeat():
    for _ in range(4):
        print(f"{time.perf_counter() - start:.1f} s: beat")
        await asyncio.sleep(0.4)

async def make_report():
    done = subprocess.run(
        [sys.executable, "-c", SLOW], capture_output=True, text=True
    )
    print(f"{time.perf_counter() - start:.1f} s: {done.stdout.strip()}")

async def main():
    global start
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(heartbeat())
        tg.create_task(make_report())

asyncio.run(main())
