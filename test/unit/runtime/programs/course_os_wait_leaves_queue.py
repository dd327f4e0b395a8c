import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

start = time.perf_counter()

def stamp(text):
    print(f"{time.perf_counter() - start:.1f} s: {text}")

def convert(name, seconds):
    stamp(f"{name}: starts")
    time.sleep(seconds)
    stamp(f"{name}: done")

async def main():
    loop = asyncio.get_running_loop()
    pool = ThreadPoolExecutor(max_workers=2)
    jobs = [("a", 1), ("b", 1.2), ("c", 1), ("d", 1), ("e", 1), ("f", 1)]
    calls = [loop.run_in_executor(pool, convert, *job) for job in jobs]
    done, pending = await asyncio.wait(calls, timeout=1.5)
    stamp(f"main: {len(done)} done, {len(pending)} not yet")
    pool.shutdown(wait=False)

asyncio.run(main())
stamp("asyncio.run returned")
