import asyncio
import time

def blocking_read():
    print("reading...")
    time.sleep(0.35)
    print("read done")
    return "data"

async def ticker():
    for n in range(5):
        await asyncio.sleep(0.1)
        print(f"{time.perf_counter() - start:.1f} tick {n}")

async def main():
    global start
    start = time.perf_counter()
    data, _ = await asyncio.gather(asyncio.to_thread(blocking_read), ticker())
    print(data, f"{time.perf_counter() - start:.1f}")

asyncio.run(main())
