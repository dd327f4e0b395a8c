import asyncio

async def job():
    await asyncio.sleep(0)

async def main():
    first = asyncio.create_task(job())
    direct = asyncio.Task(job())
    named = asyncio.Task(job(), name="mine")
    last = asyncio.create_task(job())
    for task in (first, direct, named, last):
        print(task.get_name(), repr(task).split(" coro=")[0])
    print(asyncio.current_task().get_name())
    await asyncio.gather(first, direct, named, last)

asyncio.run(main())
asyncio.run(main())
