import asyncio

made = []

def factory(loop, coro):
    task = asyncio.Task(coro, loop=loop)
    made.append(task)
    return task

async def job(n):
    await asyncio.sleep(n / 10)
    return n * n

async def main():
    asyncio.get_running_loop().set_task_factory(factory)
    print(await asyncio.gather(job(1), job(2)))
    task = asyncio.create_task(job(3))
    print(await task, len(made))

asyncio.run(main())
print("done")
