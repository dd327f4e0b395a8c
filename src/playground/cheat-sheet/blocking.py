# Cheat sheet: blocking calls.
import asyncio
import threading
import time


def blocking(seconds):
    time.sleep(seconds)                      # blocks the thread it runs in
    return seconds


async def ticker():
    for _ in range(3):
        print("tick", f"{asyncio.get_running_loop().time() - start:.1f}")
        await asyncio.sleep(0.5)


async def main():
    global start
    loop = asyncio.get_running_loop()
    start = loop.time()
    # In a thread, the loop stays free: the ticker keeps ticking.
    await asyncio.gather(ticker(), asyncio.to_thread(blocking, 1))
    print("to_thread done at", f"{loop.time() - start:.1f}")
    print("run_in_executor:", await loop.run_in_executor(None, blocking, 0.5))

    def from_a_thread():
        loop.call_soon_threadsafe(print, "a callback, sent from a thread")
        future = asyncio.run_coroutine_threadsafe(asyncio.sleep(0.1, "a coroutine's result"), loop)
        print("the thread got:", future.result())

    thread = threading.Thread(target=from_a_thread)
    thread.start()
    await asyncio.to_thread(thread.join)


asyncio.run(main())
