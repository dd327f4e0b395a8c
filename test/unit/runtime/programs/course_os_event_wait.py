import asyncio, threading, time
start = time.perf_counter()
def worker(stop):
    woke = stop.wait(10)
    print(f"{time.perf_counter() - start:.1f} s: woke {woke}")
async def main():
    stop = threading.Event()
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.to_thread(worker, stop)
            finally:
                stop.set()
    except TimeoutError:
        print(f"{time.perf_counter() - start:.1f} s: timed out")
asyncio.run(main())
print(f"{time.perf_counter() - start:.1f} s: end")
