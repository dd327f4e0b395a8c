# Cheat sheet: time limits and cancellation.
import asyncio


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow: cleaning up")   # clean up, then let it go on
        raise


async def must_finish():
    await asyncio.sleep(2)
    print("must_finish: finished anyway")


async def main():
    try:
        async with asyncio.timeout(1):          # 3.11+
            await slow()
    except TimeoutError:
        print("timeout: gave up after 1 s")
    try:
        await asyncio.wait_for(slow(), 0.5)     # the same for one awaitable
    except TimeoutError:
        print("wait_for: gave up after 0.5 s")
    task = asyncio.create_task(must_finish())
    try:
        async with asyncio.timeout(1):
            await asyncio.shield(task)          # the wait is cancelled, not the task
    except TimeoutError:
        print("shield: stopped waiting")
    await task


asyncio.run(main())
