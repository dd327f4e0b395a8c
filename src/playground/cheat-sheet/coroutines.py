# Cheat sheet: coroutines and running them.
import asyncio


async def f():
    # async def: calling f() makes a coroutine object and runs nothing.
    return 42


async def main():
    coro = f()
    print(type(coro).__name__)        # coroutine: nothing has run yet
    print(await coro)                 # await runs it and gives its value
    loop = asyncio.get_running_loop()  # only inside a coroutine
    start = loop.time()
    await asyncio.sleep(0.5)
    print(f"slept {loop.time() - start:.1f} s on the loop's clock")


asyncio.run(main())                   # makes a loop, runs main, closes it

# Several runs on one loop (3.11+):
with asyncio.Runner() as runner:
    print(runner.run(f()), runner.run(f()))
