import asyncio
import sys
from contextlib import asynccontextmanager

def answer(returncode, out, err):
    """A finished job's answer, as one line."""
    if returncode == 0:
        return "ok " + " | ".join(out.decode().splitlines())
    if returncode < 0:
        return "killed"  # a signal ended the child
    errors = err.decode().splitlines() or [f"exit status {returncode}"]
    return "error " + errors[-1]

async def run_job(code):
    """Run one line of Python in a child process; the answer."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate()
    return answer(proc.returncode, out, err)

async def handle(reader, writer):
    while line := await reader.readline():
        reply = await run_job(line.decode().strip())
        writer.write(f"{reply}\n".encode())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

@asynccontextmanager
async def connection(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        yield reader, writer
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass  # the peer may have reset the connection already

async def client(name, jobs):
    heard = []
    async with connection("127.0.0.1", 8980) as (reader, writer):
        for job in jobs:
            writer.write(f"{job}\n".encode())
            reply = await reader.readline()
            heard.append(f"{name} <- {reply.decode().strip()}")
    return heard

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    nap = "import time; time.sleep(1); print('slept')"
    server = await asyncio.start_server(handle, "127.0.0.1", 8980)
    async with server:
        async with asyncio.TaskGroup() as group:
            ada = group.create_task(client(
                "ada", ["print(6 * 7)", "print('a'); print('b')", "1 / 0"]))
            bo = group.create_task(client("bo", [nap]))
            cy = group.create_task(client("cy", [nap]))
    for heard in (ada.result(), bo.result(), cy.result()):
        print("\n".join(heard))
    print(f"all answered after {loop.time() - start:.0f} s")

asyncio.run(main())
