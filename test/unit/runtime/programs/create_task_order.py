import asyncio
async def job(name, delay):
    print('start', name)
    await asyncio.sleep(delay)
    print('end', name)
async def main():
    a = asyncio.create_task(job('a', 2))
    b = asyncio.create_task(job('b', 1))
    print('created')
    await asyncio.sleep(0)
    print('after sleep(0)')
    await a; await b
asyncio.run(main())
