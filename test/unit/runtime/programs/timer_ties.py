import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []
    when = loop.time() + 1
    for n in range(12):
        loop.call_at(when, order.append, n)
    await asyncio.sleep(1.5)
    print("call_at ties:", order)

    order.clear()
    handles = [loop.call_at(when + 1, order.append, n) for n in range(8)]
    for n in (1, 4, 6):
        handles[n].cancel()
    for n in range(8, 12):
        loop.call_at(when + 1, order.append, n)
    await asyncio.sleep(1)
    print("cancelled and interleaved:", order)

    order.clear()
    async def sleeper(n):
        await asyncio.sleep(0.5)
        order.append(n)
    await asyncio.gather(*(sleeper(n) for n in range(12)))
    print("sleep ties:", order)
    handle = loop.call_at(loop.time() + 5, print)
    print(repr(handle).split(" when=")[0], handle.cancelled())

asyncio.run(main())
