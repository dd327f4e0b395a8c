import asyncio, time

def blocking_read():
    time.sleep(1)
    return "data"

async def main():
    start = time.perf_counter()
    print(await asyncio.to_thread(blocking_read), f"{time.perf_counter() - start:.1f}")

asyncio.run(main())
