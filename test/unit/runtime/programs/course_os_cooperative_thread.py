import asyncio
import threading
import time

start = time.perf_counter()

def stamp(text):
    print(f"{time.perf_counter() - start:.1f} s: {text}")

def slow_report(stop):
    stamp("thread: starts")
    for part in range(1, 4):
        if stop.is_set():
            stamp("thread: asked to stop")
            return None
        time.sleep(1)
        stamp(f"thread: part {part} done")
    return "report"

async def report():
    stop = threading.Event()
    try:
        return await asyncio.to_thread(slow_report, stop)
    finally:
        stop.set()  # cancelled or not: harmless once the thread is done

async def main():
    try:
        async with asyncio.timeout(1.5):
            await report()
    except TimeoutError:
        stamp("main: timed out")

asyncio.run(main())
stamp("asyncio.run returned")
