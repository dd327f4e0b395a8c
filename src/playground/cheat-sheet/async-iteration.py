# Cheat sheet: async iteration and context managers.
import asyncio
import contextlib


async def countdown(n):                      # an async generator
    while n:
        await asyncio.sleep(0.1)
        yield n
        n -= 1


class Ticks:                                 # the protocol behind async for
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


@contextlib.asynccontextmanager
async def opened(name):                      # an async context manager
    print("open", name)
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0)
        print("close", name)


async def main():
    async for n in countdown(3):
        print("countdown", n)
    print([n async for n in Ticks(3)])
    ticks = aiter(Ticks(2))
    print(await anext(ticks), await anext(ticks), await anext(ticks, "done"))
    async with opened("db") as db:
        print("using", db)
    async with contextlib.aclosing(countdown(10)) as numbers:
        async for n in numbers:
            if n < 9:
                break                        # the generator is closed at once
    print("stopped early")


asyncio.run(main())
