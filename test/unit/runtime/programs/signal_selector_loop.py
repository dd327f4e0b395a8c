import asyncio, os, signal
async def main():
    loop = asyncio.get_running_loop()
    got = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, got.set)
    loop.call_later(0.2, os.kill, os.getpid(), signal.SIGUSR1)
    await got.wait()
    print(type(loop).__name__, f"got SIGUSR1 at {loop.time() - start:.1f}")
start = 0
async def timed():
    global start
    start = asyncio.get_running_loop().time()
    await main()
asyncio.run(timed(), loop_factory=asyncio.SelectorEventLoop)
