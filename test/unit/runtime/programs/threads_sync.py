import asyncio
import concurrent.futures
import queue
import threading
import time


def producer(q, n):
    for i in range(n):
        time.sleep(0.1)
        q.put(i)
    q.put(None)


def consumer(q, results, lock, counter):
    while (item := q.get()) is not None:
        with lock:
            counter[0] += item
        results.append((round(time.monotonic() - START, 1), item))


async def square(x):
    await asyncio.sleep(0.5)
    return x * x


def from_thread(loop):
    futures = [asyncio.run_coroutine_threadsafe(square(n), loop) for n in range(3)]
    return [f.result() for f in futures]


def waits_for(cond, box):
    with cond:
        cond.wait_for(lambda: box)
        return box[0]


async def main():
    global START
    START = time.monotonic()
    q, results, lock, counter = queue.Queue(), [], threading.Lock(), [0]
    threads = [threading.Thread(target=producer, args=(q, 4)), threading.Thread(target=consumer, args=(q, results, lock, counter))]
    for t in threads:
        t.start()
    for t in threads:
        await asyncio.to_thread(t.join)
    print(results, counter, f"{time.monotonic() - START:.1f}")
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(from_thread, loop), f"{time.monotonic() - START:.1f}")
    event = threading.Event()
    timer = threading.Timer(0.3, event.set)
    timer.start()
    print("event:", await asyncio.to_thread(event.wait, 1), f"{time.monotonic() - START:.1f}")
    cond, box = threading.Condition(), []
    waiter = loop.run_in_executor(None, waits_for, cond, box)
    await asyncio.sleep(0.3)
    with cond:
        box.append("ready")
        cond.notify_all()
    print(await waiter, f"{time.monotonic() - START:.1f}")
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        names = await asyncio.gather(*(loop.run_in_executor(pool, lambda: (time.sleep(1), threading.current_thread().name)[1]) for _ in range(4)))
    print(sorted(names), f"{time.monotonic() - START:.1f}")
    print(threading.active_count(), [t.name for t in threading.enumerate()])


asyncio.run(main())
print(threading.active_count())
