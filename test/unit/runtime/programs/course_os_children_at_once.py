import asyncio
import sys
import time

async def run(name):
    code = f"import time; time.sleep(1); print('{name} done')"
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, stdout=asyncio.subprocess.PIPE
    )
    out, _ = await proc.communicate()
    return out.decode().strip()

async def main():
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(run(name)) for name in ("a", "b", "c")]
    print([task.result() for task in tasks])
    print(f"in about {time.perf_counter() - start:.0f} s")

asyncio.run(main())
