import asyncio
import sys
from asyncio.subprocess import PIPE

# wait() after kill(): it returns only once the child's pipes have ended. asyncio
# reads a pipe into the StreamReader by itself, but pauses past 2 x 64 KiB unread;
# then the end of the pipe is never reached and wait() waits, though the child is dead.
async def main():
    print("default limit:", asyncio.streams._DEFAULT_LIMIT)
    for size in (100_000, 200_000):
        code = f"import sys, time; sys.stdout.write('x' * {size}); sys.stdout.flush(); time.sleep(60)"
        proc = await asyncio.create_subprocess_exec(sys.executable, "-c", code, stdout=PIPE)
        await asyncio.sleep(1)
        proc.kill()
        try:
            async with asyncio.timeout(2):
                await proc.wait()
            print(size, "wait() returned", proc.returncode)
        except TimeoutError:
            print(size, "wait() still waiting 2 s after kill()")
            out, _ = await proc.communicate()
            print(size, "communicate() read", len(out), "bytes, return code", proc.returncode)

asyncio.run(main())
