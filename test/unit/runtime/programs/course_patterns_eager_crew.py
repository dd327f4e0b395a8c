import asyncio

workers = {}  # name -> task, for every worker of the crew

async def worker(name):
    peers = sorted(other for other in workers if other != name)
    print(f"{name} works with {peers}")
    await asyncio.sleep(1)  # the work itself
    return peers

async def start_crew(names):
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    for name in names:
        workers[name] = asyncio.create_task(worker(name))
    return await asyncio.gather(*workers.values())

asyncio.run(start_crew(["ana", "ben", "cy"]))
