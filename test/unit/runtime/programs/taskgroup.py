import asyncio
async def ok(n):
    try:
        await asyncio.sleep(n)
        print('ok', n)
    except asyncio.CancelledError:
        print('cancelled', n)
        raise
async def fail():
    await asyncio.sleep(1.5)
    raise ValueError('bad')
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(1))
            tg.create_task(fail())
            tg.create_task(ok(3))
    except* ValueError as group:
        print('caught', [str(e) for e in group.exceptions])
asyncio.run(main())
