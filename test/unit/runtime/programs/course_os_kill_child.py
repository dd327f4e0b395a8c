import asyncio
import sys
import time

start = time.perf_counter()

def stamp(text):
    print(f"{time.perf_counter() - start:.1f} s: {text}")

REPORT = """
import time
for part in range(1, 4):
    time.sleep(1)
    print(f"part {part} done", flush=True)
"""

async def main():
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", REPORT, stdout=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(1.5):
            async for line in child.stdout:
                stamp(f"child: {line.decode().strip()}")
    except TimeoutError:
        child.kill()
        stamp("main: timed out, child killed")
    stamp(f"main: the child ended with {await child.wait()}")

asyncio.run(main())
stamp("asyncio.run returned")
