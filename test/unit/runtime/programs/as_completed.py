import asyncio
async def job(n):
    await asyncio.sleep(n)
    return n
async def main():
    for next_done in asyncio.as_completed([job(3), job(1), job(2)]):
        print(await next_done)
    tasks = [asyncio.create_task(job(n)) for n in (2, 1, 3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    for t in pending: t.cancel()
asyncio.run(main())
