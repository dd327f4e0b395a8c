import asyncio

async def job(n):
    await asyncio.sleep(0.1 * n)
    if n == 2:
        raise KeyError(n)
    return n

async def main():
    print(await asyncio.gather(job(1), job(2), job(3)))

asyncio.run(main())
