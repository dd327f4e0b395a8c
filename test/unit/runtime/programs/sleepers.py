import asyncio, time
async def sleeper():
    await asyncio.sleep(1)
async def main():
    t = time.monotonic()
    await asyncio.gather(*(sleeper() for _ in range(10_000)))
    print(f"{time.monotonic() - t:.1f}")
asyncio.run(main())
