import asyncio

async def leaked_by(coroutine):
    before = asyncio.all_tasks()
    await coroutine
    leaked = asyncio.all_tasks() - before
    for task in leaked:
        task.cancel()
    await asyncio.gather(*leaked, return_exceptions=True)
    return sorted(task.get_name() for task in leaked)

async def scenario():
    async def helper():
        await asyncio.sleep(0.1)

    async def leaky():
        asyncio.create_task(asyncio.sleep(60), name="b-poller")
        asyncio.create_task(asyncio.sleep(60), name="a-watcher")
        await asyncio.create_task(helper(), name="helper")

    async def tidy():
        async with asyncio.TaskGroup() as group:
            group.create_task(asyncio.sleep(0.1), name="in-a-group")

    me = asyncio.current_task()
    asyncio.create_task(asyncio.sleep(60), name="already-running")
    await asyncio.sleep(0)
    print("leaks:", await leaked_by(leaky()))
    print("left:", sorted(t.get_name() for t in asyncio.all_tasks() if t is not me))
    print("tidy:", await leaked_by(tidy()))

    # cancel() alone leaves a task not done until it runs again
    task = asyncio.create_task(asyncio.sleep(60))
    await asyncio.sleep(0)
    task.cancel()
    print("after cancel():", task in asyncio.all_tasks(), task.done())
    await asyncio.sleep(0)
    print("after one turn:", task in asyncio.all_tasks(), task.cancelled())

asyncio.run(scenario())
