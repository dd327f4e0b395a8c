import asyncio
import sys
from asyncio.subprocess import PIPE

async def run_with_limit(seconds, *args):
    """Run the command args and return what it printed, as text. If it runs longer
    than seconds, kill it, wait for it to end, and raise TimeoutError."""
    proc = await asyncio.create_subprocess_exec(*args, stdout=PIPE)
    try:
        async with asyncio.timeout(seconds):
            out, _ = await proc.communicate()
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    return out.decode()

async def main():
    print(await run_with_limit(2, "echo", "quick"), end="")
    try:
        await run_with_limit(2, sys.executable, "-c", "import time; time.sleep(60)")
    except TimeoutError:
        print("the slow one was stopped")

asyncio.run(main())
import asyncio
import sys

started = []
original = asyncio.create_subprocess_exec

async def recording(*args, **kwargs):
    proc = await original(*args, **kwargs)
    started.append(proc)
    return proc

async def scenario():
    loop = asyncio.get_running_loop()
    text = await run_with_limit(1, sys.executable, "-c", "print('in time')")
    assert text == "in time\n", f"A child that ends in time: run_with_limit returned {text!r}, not what it printed."
    begun = loop.time()
    try:
        await run_with_limit(1, sys.executable, "-c", "import time; time.sleep(30)")
    except TimeoutError:
        took = loop.time() - begun
        child = started[-1]
        assert child.returncode is not None, (
            "run_with_limit raised TimeoutError, but the child is still running: "
            "kill it, then await proc.wait() before you raise."
        )
        assert child.returncode == -9, (
            f"The child ended with {child.returncode}; it should be killed (proc.kill(), -9)."
        )
        assert took < 1.5, f"TimeoutError came after {took:.1f} s; the limit was 1 s."
    else:
        raise AssertionError(
            "A child that sleeps 30 s with a limit of 1 s: run_with_limit should raise "
            f"TimeoutError, but it returned after {loop.time() - begun:.0f} s."
        )

asyncio.create_subprocess_exec = recording
try:
    asyncio.run(scenario())
finally:
    asyncio.create_subprocess_exec = original
assert started, "run_with_limit should start its child with asyncio.create_subprocess_exec."
print("CHECK PASSED")
