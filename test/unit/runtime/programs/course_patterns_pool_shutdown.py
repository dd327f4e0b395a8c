import asyncio

async def worker(name, queue):
    while True:
        try:
            job = await queue.get()
        except asyncio.QueueShutDown:  # shut down, and nothing left in it
            print(f"{name}: no more jobs, leaving")
            return
        await asyncio.sleep(job)
        print(f"{name}: job of {job} s done")

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue = asyncio.Queue(maxsize=2)
    async with asyncio.TaskGroup() as group:
        for name in ("w1", "w2"):
            group.create_task(worker(name, queue))
        for job in (2, 1, 3, 1, 1):
            await queue.put(job)  # waits while the queue is full
            print(f"{loop.time() - start:.0f} s: queued a job of {job} s")
        queue.shutdown()  # no more jobs; the queued ones still get done
        print(f"{loop.time() - start:.0f} s: queue shut down")
    print("every job done, every worker gone")

asyncio.run(main())
