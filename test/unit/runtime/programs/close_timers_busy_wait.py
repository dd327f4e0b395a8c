import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    order = []
    base = loop.time() + 1
    for n in range(5):
        loop.call_at(base + (4 - n) * 1e-7, order.append, n)
    await asyncio.sleep(2)
    print("1e-7 apart:", order)
    start = loop.time()
    done = loop.create_future()
    loop.call_later(1e-9, done.set_result, "1 ns timer")
    print(await done, loop.time() - start < 0.001)
    start = time.perf_counter()
    spins = 0
    while time.perf_counter() - start < 0.01:
        spins += 1
    print("busy-wait ended", spins > 0)

asyncio.run(main())
