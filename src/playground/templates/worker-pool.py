import asyncio

async def worker(name, jobs):
    while True:
        job = await jobs.get()
        await asyncio.sleep(job)
        print(f"{name} finished a {job} s job")
        jobs.task_done()

async def main():
    jobs = asyncio.Queue()
    for job in [1, 2, 1, 3]:
        jobs.put_nowait(job)
    async with asyncio.TaskGroup() as tg:
        workers = [tg.create_task(worker(f"w{n}", jobs)) for n in (1, 2)]
        await jobs.join()
        for task in workers:
            task.cancel()
    print("all jobs done")

asyncio.run(main())
