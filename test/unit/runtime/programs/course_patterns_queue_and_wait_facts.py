import asyncio

async def job():
    await asyncio.sleep(0)
    return 1

async def main():
    # wait() refuses bare coroutines
    c = job()
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("wait:", e)
    c.close()
    # as_completed with async for (3.13+) yields the tasks passed in
    ts = [asyncio.create_task(job()) for _ in range(2)]
    async for t in asyncio.as_completed(ts):
        print("as_completed gives back one of the tasks:", t in ts)
    # the eager factory reaches gather's and a TaskGroup's tasks
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    async def quick():
        return "q"
    print("gather's task done at once:", asyncio.gather(quick()).done())
    async with asyncio.TaskGroup() as g:
        print("TaskGroup's task done at once:", g.create_task(quick()).done())
    loop.set_task_factory(None)
    # shutdown(immediate=True): queued items dropped and counted done; items in hand not
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    q.get_nowait()
    q.shutdown(immediate=True)
    print("after immediate shutdown: qsize", q.qsize())
    try:
        await asyncio.wait_for(q.join(), 1)
    except TimeoutError:
        print("join waits for the item in hand")
    q.task_done()
    await q.join()
    print("join returns once it is done")
    try:
        q.put_nowait(1)
    except asyncio.QueueShutDown:
        print("put raises QueueShutDown")
    q2 = asyncio.Queue()
    q2.put_nowait("x")
    q2.shutdown()
    print("plain shutdown: get still gives", await q2.get())
    try:
        await q2.get()
    except asyncio.QueueShutDown:
        print("then get raises QueueShutDown")
    print("CancelledError is not an Exception:",
          not issubclass(asyncio.CancelledError, Exception))
    # gather does not cancel the others on a failure
    async def fail():
        await asyncio.sleep(1)
        raise ValueError
    async def slow():
        await asyncio.sleep(2)
        return "slow finished anyway"
    s = asyncio.ensure_future(slow())
    try:
        await asyncio.gather(fail(), s)
    except ValueError:
        print("gather raised; the other cancelled?", s.cancelled())
    print(await s)

asyncio.run(main())
