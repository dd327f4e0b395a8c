import asyncio
import threading
import time

local = threading.local()


async def tick(name, n, step):
    for i in range(n):
        await asyncio.sleep(step)
        print(f"{time.monotonic() - START:.1f} {name} {i} {asyncio.current_task().get_name()} {threading.current_thread().name}")


def in_thread():
    local.who = "thread"
    asyncio.run(tick("thread-loop", 3, 0.3))
    print("thread local:", local.who)


async def main():
    local.who = "main"
    t = threading.Thread(target=in_thread, name="worker")
    t.start()
    await tick("main-loop", 3, 0.4)
    await asyncio.to_thread(t.join)
    print("main local:", local.who)
    try:
        asyncio.get_running_loop()
        print("main has its loop")
    except RuntimeError as e:
        print(e)


START = time.monotonic()
asyncio.run(main())
def check():
    try:
        asyncio.get_running_loop()
    except RuntimeError as e:
        print("thread:", e)
t = threading.Thread(target=check)
t.start(); t.join()
