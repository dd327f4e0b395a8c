import asyncio
from collections import Counter

async def wait_for_ack(request_id, acks):
    await acks.get()  # no client ever sends one

async def handle(request_id, acks):
    asyncio.create_task(wait_for_ack(request_id, acks))
    await asyncio.sleep(0.1)  # the real work
    return f"request {request_id} done"

async def main():
    acks = asyncio.Queue()
    for request_id in range(1, 6):
        print(await handle(request_id, acks))
    running = asyncio.all_tasks()
    census = Counter(task.get_coro().__name__ for task in running)
    print(len(running), "tasks not done:", census.most_common())
    leaked = [task for task in running if task is not asyncio.current_task()]
    oldest = min(leaked, key=lambda task: task.get_name())
    print(oldest.get_name(), oldest.get_coro().cr_frame.f_lineno, oldest.done())

asyncio.run(main())
