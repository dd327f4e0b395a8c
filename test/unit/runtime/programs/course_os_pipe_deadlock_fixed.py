import asyncio
from asyncio.subprocess import PIPE

BOOK = "".join(f"line {n} of a long book\n" for n in range(20_000)).encode()

async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    print(f"sending {len(BOOK):,} bytes...")
    back, _ = await proc.communicate(input=BOOK)
    print(f"{len(back):,} bytes back")

asyncio.run(main())
