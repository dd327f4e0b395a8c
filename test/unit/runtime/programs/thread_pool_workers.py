import asyncio
import concurrent.futures
import time

def slow_square(n):
    time.sleep(1)
    return n * n

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(
            *(loop.run_in_executor(pool, slow_square, n) for n in range(4))
        )
    print(results, f"in {loop.time() - start:.1f} s")

asyncio.run(main())
