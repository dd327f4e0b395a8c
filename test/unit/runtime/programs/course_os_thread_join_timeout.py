import asyncio
import time
import warnings

start = time.perf_counter()

def stamp(text):
    print(f"{time.perf_counter() - start:.0f} s: {text}")

def stuck():
    time.sleep(400)
    stamp("thread: done at last")

async def main():
    try:
        async with asyncio.timeout(1):
            await asyncio.to_thread(stuck)
    except TimeoutError:
        stamp("main: timed out")

with warnings.catch_warnings(record=True) as caught:
    asyncio.run(main())
stamp("asyncio.run returned")
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
