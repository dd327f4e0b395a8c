import asyncio
import sys
import time

def blocking(seconds):
    time.sleep(seconds)  # a blocking call: it runs in a thread
    return f"slept {seconds} s in a thread"

async def main():
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "print('hello from a child process')",
        stdout=asyncio.subprocess.PIPE,
    )
    slept, (out, _) = await asyncio.gather(
        asyncio.to_thread(blocking, 1), child.communicate()
    )
    print(slept)
    print(out.decode().strip(), "- exit code", child.returncode)

asyncio.run(main())
