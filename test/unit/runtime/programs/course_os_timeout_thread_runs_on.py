import asyncio
import time

start = time.perf_counter()

def stamp(text):
    print(f"{time.perf_counter() - start:.1f} s: {text}")

def slow_report():
    stamp("thread: starts")
    for part in range(1, 4):
        time.sleep(1)
        stamp(f"thread: part {part} done")
    return "report"

async def main():
    try:
        async with asyncio.timeout(1.5):
            await asyncio.to_thread(slow_report)
    except TimeoutError:
        stamp("main: timed out")
    stamp("main: returns")

asyncio.run(main())
stamp("asyncio.run returned")
