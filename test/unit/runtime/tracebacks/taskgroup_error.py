import asyncio

async def job(n):
    await asyncio.sleep(n / 10)
    if n % 2:
        raise ValueError(f"job {n} failed")
    return n

async def main():
    async with asyncio.TaskGroup() as group:
        for n in range(4):
            group.create_task(job(n))

asyncio.run(main())
