import asyncio
import sys
from asyncio.subprocess import PIPE

# proc.wait() with stdout=PIPE, before reading: asyncio reads ahead into the
# StreamReader (up to twice its 64 KiB limit), so small outputs end; past that, wait()
# waits for the pipe to be read to its end (140,000: the child has exited, status 0),
# and a child with more to write than the pipe holds waits too (1,000,000: killed).
async def main():
    for size in (1_000, 64_000, 120_000, 140_000, 1_000_000):
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-c", f"import sys; sys.stdout.write('x' * {size})", stdout=PIPE)
        try:
            async with asyncio.timeout(2):
                await proc.wait()
            print(size, "ended, return code", proc.returncode)
        except TimeoutError:
            print(size, "wait() still waiting after 2 s")
            proc.kill()
            out, _ = await proc.communicate()
            print(size, "return code after kill():", proc.returncode)

asyncio.run(main())
