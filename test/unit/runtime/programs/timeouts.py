import asyncio
async def slow():
    await asyncio.sleep(5)
    return 'slow'
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time()
    try:
        await asyncio.wait_for(slow(), timeout=1)
    except TimeoutError:
        print('wait_for timed out at', loop.time() - t0)
    try:
        async with asyncio.timeout(2):
            await slow()
    except TimeoutError:
        print('timeout() expired at', loop.time() - t0)
    print(await asyncio.wait_for(slow(), timeout=10), loop.time() - t0)
asyncio.run(main())
