import asyncio
from asyncio.subprocess import PIPE

async def main():
    proc = await asyncio.create_subprocess_shell(
        "yes 'are we there yet?' | head -n 3", stdout=PIPE
    )
    out, _ = await proc.communicate()
    print(out.decode(), end="")
    print("return code:", proc.returncode)

asyncio.run(main())
