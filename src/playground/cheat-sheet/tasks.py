# Cheat sheet: tasks.
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n * 10


async def main():
    task = asyncio.create_task(work(1), name="work")  # runs concurrently from now
    print(task.get_name(), "done?", task.done())
    print("result:", await task)                        # waits, gives the result
    print("done?", task.done(), "result()", task.result())

    slow = asyncio.create_task(work(10))
    await asyncio.sleep(0)                              # every ready task gets a turn
    slow.cancel()                                       # a request: raised at its await
    try:
        await slow
    except asyncio.CancelledError:
        print("cancelled:", slow.cancelled())

    loop = asyncio.get_running_loop()
    fut = loop.create_future()                          # a result to come
    loop.call_later(0.5, fut.set_result, "ready")
    print(await fut)

    background = set()                                  # keep references
    for n in range(3):
        t = asyncio.create_task(work(n))
        background.add(t)
        t.add_done_callback(background.discard)
    print("tasks not done:", len(asyncio.all_tasks()))  # main and the three
    await asyncio.sleep(3)
    print("kept:", len(background))


asyncio.run(main())
