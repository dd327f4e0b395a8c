import asyncio
import time

# A thread that calls back into the loop: put_nowait from the thread wakes the
# waiting task through call_soon, which does not wake a sleeping loop; the lines
# come only when the copy ends. call_soon_threadsafe wakes the loop at once.

def copy_files(names, report):
    for name in names:
        time.sleep(1)  # copying
        report(name)

async def copy_with_progress(names, threadsafe):
    loop = asyncio.get_running_loop()
    start = loop.time()
    copied = asyncio.Queue()

    async def show_progress():
        while (name := await copied.get()) is not None:
            print(f"{loop.time() - start:.1f} s: {name} copied")

    def report(name):
        if threadsafe:
            loop.call_soon_threadsafe(copied.put_nowait, name)
        else:
            copied.put_nowait(name)  # wrong: from another thread

    printer = asyncio.create_task(show_progress())
    await asyncio.to_thread(copy_files, names, report)
    copied.put_nowait(None)
    await printer

for threadsafe in (False, True):
    print("threadsafe:", threadsafe)
    asyncio.run(copy_with_progress(["a.txt", "b.txt", "c.txt"], threadsafe))
