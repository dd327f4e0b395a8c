# Cheat sheet: waiting for many tasks.
import asyncio


async def job(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise ValueError(name)
    return name


async def main():
    print(await asyncio.gather(job("a", 2), job("b", 1)))        # in the order given
    print(await asyncio.gather(job("a", 1), job("x", 1, fail=True), return_exceptions=True))
    for next_done in asyncio.as_completed([job("slow", 2), job("fast", 1)]):
        print("as completed:", await next_done)                  # as each is ready
    tasks = [asyncio.create_task(job(n, s)) for n, s in (("p", 2), ("q", 1))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", [t.result() for t in done], "still running:", len(pending))
    for t in pending:
        t.cancel()
    try:
        async with asyncio.TaskGroup() as tg:                    # one failure cancels the rest
            tg.create_task(job("ok", 1))
            tg.create_task(job("bad", 0.5, fail=True))
    except* ValueError as group:
        print("TaskGroup raised:", [str(e) for e in group.exceptions])


asyncio.run(main())
