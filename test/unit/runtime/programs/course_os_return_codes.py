import asyncio
import sys
from asyncio.subprocess import DEVNULL

async def return_code(*args, stop=None):
    proc = await asyncio.create_subprocess_exec(*args, stdout=DEVNULL, stderr=DEVNULL)
    if stop:
        await asyncio.sleep(0.1)
        stop(proc)
    return await proc.wait()

async def main():
    python = sys.executable
    print("true:", await return_code("true"))
    print("false:", await return_code("false"))
    print("sys.exit(3):", await return_code(python, "-c", "import sys; sys.exit(3)"))
    print("sys.exit('bye'):", await return_code(python, "-c", "import sys; sys.exit('bye')"))
    print("1 / 0:", await return_code(python, "-c", "1 / 0"))
    print("terminated:", await return_code("sleep", "10", stop=lambda p: p.terminate()))
    print("killed:", await return_code("sleep", "10", stop=lambda p: p.kill()))
    shell = await asyncio.create_subprocess_shell("yes | head -n 1", stdout=DEVNULL)
    print("yes | head -n 1:", await shell.wait())

asyncio.run(main())
