import asyncio
import time

start = time.perf_counter()

def log(message):
    print(f"{time.perf_counter() - start:.1f}s {message}")

async def paint():
    for coat in (1, 2):
        log(f"paint coat {coat}")
        time.sleep(2.5)  # the paint dries: let someone else run
    log("painting done")

async def read():
    for chapter in (1, 2, 3):
        log(f"read chapter {chapter}")
        await asyncio.sleep(1)
    log("novel done")

async def main():
    await asyncio.gather(paint(), read())

asyncio.run(main())
