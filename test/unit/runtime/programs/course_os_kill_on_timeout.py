import asyncio
import sys
import time

STUCK = "import time; print('working...', flush=True); time.sleep(3600)"

async def main():
    start = time.perf_counter()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", STUCK, stdout=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(2):
            out, _ = await proc.communicate()
    except TimeoutError:
        proc.kill()
        await proc.wait()
        print("left to read:", await proc.stdout.read())
        print(f"{time.perf_counter() - start:.1f} s: killed, return code {proc.returncode}")

asyncio.run(main())
