import asyncio
import os
import signal

async def worker(name):
    try:
        while True:
            await asyncio.sleep(1)
            print(f"{name}: tick")
    except asyncio.CancelledError:
        print(f"{name}: asked to stop, saving state")
        await asyncio.sleep(0.2)  # cleanup may await, too
        raise
    finally:
        print(f"{name}: closed")

async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    # What `kill` would do from outside: a SIGTERM to this process, at 2.5 s.
    loop.call_later(2.5, os.kill, os.getpid(), signal.SIGTERM)
    workers = [asyncio.create_task(worker(name)) for name in ("a", "b")]
    await stop.wait()
    print("SIGTERM: shutting down")
    for task in workers:
        task.cancel()
    async with asyncio.timeout(5):  # a stuck cleanup must not hang us
        await asyncio.gather(*workers, return_exceptions=True)
    print("clean exit")

asyncio.run(main())
