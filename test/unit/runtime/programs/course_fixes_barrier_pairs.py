import asyncio

async def player(name, arrives, table, start):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(arrives)
    seat = await table.wait()
    print(f"{loop.time() - start:.0f} s: {name} plays, seat {seat}")

async def main():
    start = asyncio.get_running_loop().time()
    table = asyncio.Barrier(2)  # a game for two
    async with asyncio.TaskGroup() as group:
        for name, arrives in [("Ada", 1), ("Bob", 4), ("Cy", 2), ("Di", 5)]:
            group.create_task(player(name, arrives, table, start))

asyncio.run(main())
