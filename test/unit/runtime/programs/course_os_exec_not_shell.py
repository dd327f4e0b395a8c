import asyncio
import shlex
from asyncio.subprocess import PIPE

async def greet_shell(name):
    proc = await asyncio.create_subprocess_shell(
        f"echo Hello {name}", stdout=PIPE
    )
    out, _ = await proc.communicate()
    print("shell:", out.decode().strip())

async def greet_exec(name):
    proc = await asyncio.create_subprocess_exec(
        "echo", "Hello", name, stdout=PIPE
    )
    out, _ = await proc.communicate()
    print("exec: ", out.decode().strip())

async def main():
    name = "nobody | echo you have been hacked"
    await greet_shell(name)
    await greet_exec(name)
    await greet_shell(shlex.quote(name))

asyncio.run(main())
