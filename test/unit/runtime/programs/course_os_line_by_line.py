import asyncio
import sys
import time

CHILD = """
import time
for step in range(1, 4):
    time.sleep(0.5)
    print("step", step, "done", flush=True)
"""

async def main():
    start = time.perf_counter()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, stdout=asyncio.subprocess.PIPE
    )
    async for line in proc.stdout:
        elapsed = time.perf_counter() - start
        print(f"{elapsed:.1f} s: {line.decode().rstrip()}")
    print("return code:", await proc.wait())

asyncio.run(main())
