import asyncio, time
async def worker():
    try:
        print('working')
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('cleaning up')
        await asyncio.sleep(0.5)
        print('cleaned')
        raise
async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled at', asyncio.get_running_loop().time() - start)
start = 0
async def run():
    global start
    start = asyncio.get_running_loop().time()
    await main()
asyncio.run(run())
