import asyncio

async def square(x):
    print('Square', x)
    await asyncio.sleep(1)
    print('End square', x)
    return x * x

async def main():
    print(await asyncio.gather(square(1), square(2)))

asyncio.run(main())
