import asyncio
import re

lock = asyncio.Lock()  # made with no loop running

async def worker(name):
    async with lock:
        await asyncio.sleep(0.1)
        print(name, "had the lock")

async def two_workers():
    await asyncio.gather(worker("a"), worker("b"))

asyncio.run(worker("alone"))  # nobody waits: the lock binds to no loop
asyncio.run(two_workers())    # b waits for a: the lock binds to this loop
try:
    asyncio.run(two_workers())  # a new loop, and b has to wait again
except RuntimeError as error:
    message = re.sub(r"0x[0-9a-f]+", "0x…", str(error))  # ids differ
    print("RuntimeError:", message)
