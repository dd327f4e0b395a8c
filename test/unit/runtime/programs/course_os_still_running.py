import asyncio
import time

start = time.perf_counter()

def stamp(text):
    print(f"{time.perf_counter() - start:.1f} s: {text}")

def backup():
    stamp("backup: started")
    time.sleep(2)
    stamp("backup: finished")

async def main():
    try:
        await asyncio.wait_for(asyncio.to_thread(backup), timeout=0.5)
    except TimeoutError:
        stamp("main: gave up")
    await asyncio.sleep(1)
    stamp("main: done")

asyncio.run(main())
stamp("program: ends")
