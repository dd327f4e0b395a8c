import asyncio
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
import asyncio
import re

received = asyncio.Queue()  # made once, for every test: the mistake

async def record(reader, writer):
    await received.put(await reader.readline())
    writer.close()
    await writer.wait_closed()

async def a_test(message):
    server = await asyncio.start_server(record, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        async with connection("127.0.0.1", port) as (reader, writer):
            writer.write(message)
            print("the server got", await received.get())

for message in (b"first\n", b"second\n"):
    try:
        asyncio.run(a_test(message))  # a new loop, as for each test
    except RuntimeError as error:
        print("RuntimeError:", re.sub("0x[0-9a-f]+", "0x...", str(error)))

answer = None

async def make_future():
    global answer
    answer = asyncio.get_running_loop().create_future()

async def await_future():
    await answer

asyncio.run(make_future())
try:
    asyncio.run(await_future())
except RuntimeError as error:
    print("RuntimeError: ...", str(error).partition("> got ")[2])

# A lock, event or queue binds to a loop only when a task has to wait on it.
lock = asyncio.Lock()
queue = asyncio.Queue()

async def alone():
    async with lock:
        await asyncio.sleep(0.1)
    queue.put_nowait(1)
    await queue.get()  # an item is there: no waiting
    return "fine"

print(asyncio.run(alone()), asyncio.run(alone()))

async def two():
    await asyncio.gather(alone(), alone())  # the second waits for the lock

asyncio.run(two())
print("alone, after that:", asyncio.run(alone()))

async def two_again():
    await asyncio.gather(alone(), alone())

try:
    asyncio.run(two_again())
except RuntimeError as error:
    print("two again:", str(error).rpartition("> ")[2])
