import asyncio
import sys
from asyncio.subprocess import PIPE

# The parent writes everything to cat's stdin before reading its stdout: drain()
# waits for ever once both pipes are full (here with a time limit), communicate does not.
BOOK = "".join(f"line {n} of a long book\n" for n in range(20_000)).encode()

async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    proc.stdin.write(BOOK)
    try:
        async with asyncio.timeout(2):
            await proc.stdin.drain()
        print("drained")
    except TimeoutError:
        print("drain() still waiting after 2 s")
    proc.kill()
    await proc.communicate()  # wait() alone would wait for cat's unread output too
    print("killed:", proc.returncode)
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    back, _ = await proc.communicate(input=BOOK)
    print(len(back) == len(BOOK), proc.returncode)

asyncio.run(main())
