# Cheat sheet: coordinating tasks.
import asyncio


async def worker(name, queue, sem, lock, log):
    while True:
        try:
            item = await queue.get()
        except asyncio.QueueShutDown:       # 3.13+: no more work
            return
        async with sem:                     # at most two at once
            await asyncio.sleep(1)
        async with lock:                    # one at a time through this block
            log.append(f"{name}:{item}")
        queue.task_done()


async def main():
    start = asyncio.get_running_loop().time()
    queue, sem, lock, log = asyncio.Queue(), asyncio.Semaphore(2), asyncio.Lock(), []
    go = asyncio.Event()

    async def waiter(n):
        await go.wait()                     # many wait for one signal
        print("waiter", n, "goes")

    waiters = [asyncio.create_task(waiter(n)) for n in range(2)]
    await asyncio.sleep(0.5)
    go.set()
    await asyncio.gather(*waiters)
    workers = [asyncio.create_task(worker(n, queue, sem, lock, log)) for n in "abc"]
    for item in range(4):
        await queue.put(item)
    await queue.join()                      # every item taken and done
    queue.shutdown()                        # the workers leave
    await asyncio.gather(*workers)
    print(sorted(log), f"in {asyncio.get_running_loop().time() - start:.1f} s")


asyncio.run(main())
