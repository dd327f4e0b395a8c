# Ctrl+C (SIGINT) with no handler: asyncio.run cancels the main task, its finally runs,
# then KeyboardInterrupt. loop.add_signal_handler: the callback runs in the loop.
import asyncio
import os
import signal


async def main(sig, handle):
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    if handle:
        loop.add_signal_handler(sig, stop.set)
    loop.call_later(0.5, os.kill, os.getpid(), sig)
    try:
        await asyncio.wait_for(stop.wait(), 2)
        print(f"{signal.Signals(sig).name}: the handler set the event")
    finally:
        print("finally runs")
    print("removed:", loop.remove_signal_handler(sig))


try:
    asyncio.run(main(signal.SIGINT, handle=False))
except KeyboardInterrupt:
    print("asyncio.run raised KeyboardInterrupt")
asyncio.run(main(signal.SIGINT, handle=True))
asyncio.run(main(signal.SIGTERM, handle=True))
