import asyncio
import threading
import time


async def main():
    loop = asyncio.get_running_loop()
    print(type(loop).__name__, type(loop._selector).__name__ if hasattr(loop, "_selector") else "")
    start = time.monotonic()
    done = asyncio.Event()
    def later():
        time.sleep(0.3)
        loop.call_soon_threadsafe(done.set)
    threading.Thread(target=later).start()
    await asyncio.wait_for(done.wait(), 2)
    await asyncio.sleep(0.2)
    print(f"woken from a thread, {time.monotonic() - start:.1f}")


asyncio.run(main(), loop_factory=asyncio.SelectorEventLoop)
loop = asyncio.new_event_loop()
print(loop.run_until_complete(asyncio.sleep(0.1, "new_event_loop works")))
loop.close()
