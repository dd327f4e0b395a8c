import asyncio

async def job(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} done after {seconds} s")
    return name

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job(name, s)) for name, s in [("a", 2), ("b", 1)]]
    print([task.result() for task in tasks])

asyncio.run(main())
