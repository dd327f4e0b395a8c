import asyncio
import threading
import time


def worker(loop, queue):
    for n in range(3):
        time.sleep(0.2)
        loop.call_soon_threadsafe(queue.put_nowait, n)
    loop.call_soon_threadsafe(queue.put_nowait, None)


async def main():
    start = time.perf_counter()
    queue = asyncio.Queue()
    thread = threading.Thread(target=worker, args=(asyncio.get_running_loop(), queue))
    thread.start()
    while (item := await queue.get()) is not None:
        print(f"{time.perf_counter() - start:.1f} got {item} in {threading.current_thread().name}")
    thread.join()
    print(thread.name, thread.is_alive())


asyncio.run(main())
