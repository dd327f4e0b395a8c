import asyncio
import threading
import time

def sensor(loop, readings):
    # A plain thread with a blocking API hands each reading to the loop.
    for value in (17, 21, 19):
        time.sleep(0.5)
        done = asyncio.run_coroutine_threadsafe(readings.put(value), loop)
        done.result()  # a concurrent.futures.Future: wait until it is in
    asyncio.run_coroutine_threadsafe(readings.put(None), loop).result()

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    readings = asyncio.Queue()
    thread = threading.Thread(target=sensor, args=(loop, readings), name="sensor")
    thread.start()
    while (value := await readings.get()) is not None:
        name = threading.current_thread().name
        print(f"{loop.time() - start:.1f} s: reading {value} in {name}")
    await asyncio.to_thread(thread.join)
    print(f"{loop.time() - start:.1f} s: the {thread.name} thread has ended")

asyncio.run(main())
