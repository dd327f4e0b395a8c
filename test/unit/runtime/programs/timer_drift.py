# Sleeps that end at the same moment on paper: in CPython the one with fewer wakes
# behind it ends first (each wake is a little late, and lateness adds up).
import asyncio


async def sleeper(name, pauses):
    for pause in pauses:
        await asyncio.sleep(pause)
    print(name, "woke after", len(pauses), "sleeps")


async def worker(name, queue):
    while True:
        job, seconds = await queue.get()
        await asyncio.sleep(seconds)
        print(f"{name} did {job} ({seconds} s)")
        queue.task_done()


async def main():
    await asyncio.gather(
        sleeper("three", [1, 1, 1]),
        sleeper("one", [3]),
        sleeper("two", [2, 1]),
    )
    queue = asyncio.Queue()
    for job in [("a", 3), ("b", 1), ("c", 1), ("d", 2), ("e", 1)]:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(f"worker {n}", queue)) for n in (1, 2)]
    await queue.join()
    for task in workers:
        task.cancel()


asyncio.run(main())
