import asyncio
import sys

async def main():
    greet = "import sys; print('hello,', sys.argv[1])"
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", greet, "parent", stdout=asyncio.subprocess.PIPE
    )
    out, err = await proc.communicate()
    print(out)
    print(err)
    print(proc.returncode)

asyncio.run(main())
