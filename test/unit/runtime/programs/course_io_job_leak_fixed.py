# "Find the leak" of content/os/project-a-service.mdx, fixed: run_job kills its
# child in a finally block, so a cancellation leaves nothing running.
import asyncio
import os
import signal
import sys

TIME_LIMIT = 2.0  # seconds a job may run
GRACE = 1.0       # seconds running jobs get after SIGTERM

handlers = {}     # each connected client's handler task: its writer
busy = set()      # the handler tasks running a job now
children = set()  # the child processes running now
stopping = False  # True once SIGTERM has come

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
    children.add(proc)
    try:
        async with asyncio.timeout(TIME_LIMIT):
            out, err = await proc.communicate()
    except TimeoutError:
        return f"timeout after {TIME_LIMIT} s"
    finally:
        children.discard(proc)
        if proc.returncode is None:  # the time limit, or a cancellation
            proc.kill()
            await proc.wait()
    return answer(proc.returncode, out, err)

async def handle(reader, writer):
    me = asyncio.current_task()
    handlers[me] = writer
    try:
        while line := await reader.readline():
            if stopping:
                writer.write(b"refused: shutting down\n")
                break
            busy.add(me)
            try:
                reply = await run_job(line.decode().strip())
            finally:
                busy.discard(me)
            writer.write(f"{reply}\n".encode())
            await writer.drain()
            if stopping:
                break
    finally:
        del handlers[me]
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass  # the client may have reset the connection already

async def shut_down(server):
    global stopping
    stopping = True
    server.close()  # 1. no new connections, and no new jobs
    for task, writer in handlers.items():
        writer.write(b"server: shutting down\n")  # 2. tell every client
        if task not in busy:
            writer.close()  # and hang up on those with no job running
    running = set(handlers)
    if running:
        try:
            async with asyncio.timeout(GRACE):  # 3. a grace period
                await asyncio.wait(running)
        except TimeoutError:
            for task in running:  # 4. cancel the rest...
                task.cancel()
            await asyncio.wait(running)  # ...and wait for them
    await server.wait_closed()

async def serve(port):
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    server = await asyncio.start_server(handle, "127.0.0.1", port)
    await stop.wait()
    print("server: SIGTERM, shutting down")
    start = loop.time()
    await shut_down(server)
    print(f"server: stopped after {loop.time() - start:.1f} s")

from contextlib import asynccontextmanager

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

async def client(name, arrive, jobs, heard):
    await asyncio.sleep(arrive)
    try:
        async with connection("127.0.0.1", 8980) as (reader, writer):
            for job in jobs:
                writer.write(f"{job}\n".encode())
                line = await reader.readline()
                heard.append(f"{name} <- {line.decode().strip()}")
            while line := await reader.readline():
                heard.append(f"{name} <- {line.decode().strip()}")
            heard.append(f"{name}: the server hung up")
    except ConnectionRefusedError:
        heard.append(f"{name}: connection refused")

started = []  # every child process the server starts
start_child = asyncio.create_subprocess_exec

async def recorded(*args, **kwargs):
    proc = await start_child(*args, **kwargs)
    started.append(proc)
    return proc

asyncio.create_subprocess_exec = recorded

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(3.0, os.kill, os.getpid(), signal.SIGTERM)
    heard = {name: [] for name in ("ada", "bo", "cy", "dan", "eve")}
    sleep = "import time; time.sleep"
    visits = [
        ("ada", 0.1, ["print(6 * 7)", "1 / 0"]),
        ("dan", 0.1, [f"{sleep}(5)"]),
        ("bo", 2.5, [f"{sleep}(0.8); print('slept')"]),
        ("cy", 2.8, [f"{sleep}(10)"]),
        ("eve", 3.5, ["print('too late')"]),
    ]
    tasks = [asyncio.create_task(client(name, at, jobs, heard[name]))
             for name, at, jobs in visits]
    await serve(8980)
    await asyncio.wait(tasks, timeout=1)  # the clients read the rest
    for name, lines in heard.items():
        print("\n".join(lines) or f"{name} heard nothing")

asyncio.run(main())
running = [proc for proc in started if proc.returncode is None]
print(f"children still running: {len(running)}")
