import asyncio
async def producer(q):
    for i in range(3):
        await asyncio.sleep(1)
        await q.put(i)
        print('put', i)
    await q.put(None)
async def consumer(q):
    while (item := await q.get()) is not None:
        print('got', item)
lock = None
async def locked(name):
    async with lock:
        print(name, 'has the lock')
        await asyncio.sleep(1)
async def main():
    global lock
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q))
    lock = asyncio.Lock()
    await asyncio.gather(locked('a'), locked('b'))
    ev = asyncio.Event()
    async def waiter():
        await ev.wait(); print('event seen')
    w = asyncio.create_task(waiter())
    await asyncio.sleep(1); print('setting'); ev.set(); await w
    sem = asyncio.Semaphore(2)
    loop = asyncio.get_running_loop(); t0 = loop.time()
    async def lim(n):
        async with sem:
            print('job', n, 'starts at', loop.time() - t0)
            await asyncio.sleep(1)
    await asyncio.gather(*(lim(n) for n in range(5)))
asyncio.run(main())
