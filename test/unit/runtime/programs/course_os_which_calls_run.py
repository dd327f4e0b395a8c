import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

start = time.perf_counter()

def stamp(text):
    print(f"{time.perf_counter() - start:.1f} s: {text}")

def job(name):
    stamp(f"{name}: starts")
    time.sleep(1)
    stamp(f"{name}: done")

async def main():
    loop = asyncio.get_running_loop()
    pool = ThreadPoolExecutor(max_workers=1)
    load = loop.run_in_executor(pool, job, "load")
    save = loop.run_in_executor(pool, job, "save")
    report = loop.run_in_executor(pool, job, "report")
    try:
        async with asyncio.timeout(0.5):
            await asyncio.gather(load, asyncio.shield(save), report)
    except TimeoutError:
        stamp("main: timed out")
    await save
    stamp("main: saved")
    pool.shutdown(wait=False)

asyncio.run(main())
stamp("asyncio.run returned")
