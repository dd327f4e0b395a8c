import asyncio

async def runner(name, start_line):
    await asyncio.sleep(1)
    try:
        await start_line.wait()
        print(name, "runs")
    except asyncio.BrokenBarrierError:
        print(name, "stops: the barrier is broken")

async def injured(start_line):
    await asyncio.sleep(2)
    await start_line.abort()  # will never arrive

async def main():
    start_line = asyncio.Barrier(3)
    async with asyncio.TaskGroup() as group:
        for name in ("Ada", "Grace"):
            group.create_task(runner(name, start_line))
        group.create_task(injured(start_line))

asyncio.run(main())
