import asyncio

async def worker(name, queue):
    while True:
        try:
            job = await queue.get()
        except asyncio.QueueShutDown:
            print(name, "leaves")
            return
        await asyncio.sleep(1)
        print(name, "did", job)

async def main():
    queue = asyncio.Queue()
    for job in "abcde":
        queue.put_nowait(job)
    async with asyncio.TaskGroup() as group:
        group.create_task(worker("w1", queue))
        group.create_task(worker("w2", queue))
        await asyncio.sleep(1.5)
        queue.shutdown(immediate=True)
        print("shut down, jobs left in the queue:", queue.qsize())

asyncio.run(main())
