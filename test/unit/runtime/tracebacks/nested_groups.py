import asyncio

async def fail(message, delay):
    await asyncio.sleep(delay)
    raise ValueError(message)

async def inner():
    async with asyncio.TaskGroup() as group:
        group.create_task(fail("inner a", 0.1))
        group.create_task(fail("inner b", 0.1))

async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(inner())
        group.create_task(fail("outer", 0.2))

asyncio.run(main())
