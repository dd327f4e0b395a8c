import asyncio
import sys
import time


async def run_child(n):
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", f"import sys, time; time.sleep(1); print('child', {n}, sys.argv[1:])", "a", "b",
        stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return out.decode().strip(), proc.returncode


async def main():
    start = time.monotonic()
    print(await asyncio.gather(*(run_child(n) for n in range(3))), f"{time.monotonic() - start:.1f} s")
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", "import time; time.sleep(10)")
    try:
        await asyncio.wait_for(proc.wait(), timeout=0.5)
    except TimeoutError:
        proc.kill()
        print("killed:", await proc.wait(), f"{time.monotonic() - start:.1f} s")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import sys\nfor line in sys.stdin: print(line.strip().upper())\nsys.exit(3)",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate(b"one\ntwo\n")
    print(out, proc.returncode)
    proc = await asyncio.create_subprocess_shell("echo hello | cat", stdout=asyncio.subprocess.PIPE)
    print(await proc.stdout.read(), await proc.wait())
    proc = await asyncio.create_subprocess_shell("yes | head -n 3", stdout=asyncio.subprocess.PIPE)
    print(await proc.communicate(), proc.returncode)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "raise ValueError('from the child')", stderr=asyncio.subprocess.PIPE)
    _, err = await proc.communicate()
    print(err.decode().splitlines()[-1], proc.returncode)
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", "import time; time.sleep(5)")
    proc.terminate()
    print("terminated:", await proc.wait())


asyncio.run(main())
import subprocess
r = subprocess.run([sys.executable, "-c", "print(input().upper())"], input="shout\n", capture_output=True, text=True)
print(r.stdout, r.returncode)
print(subprocess.run("false", shell=True).returncode, subprocess.run(["true"]).returncode)
print(subprocess.check_output(["echo", "a", "b"]))
