# Cancel a helper task, then wait for it with gather(return_exceptions=True): its
# CancelledError is collected, not raised; but a cancellation of the waiting task
# itself still goes through. Also: the helper's own error is collected the same way.
import asyncio


async def forever():
    await asyncio.Event().wait()


async def fails():
    raise ConnectionResetError("Connection lost")


async def owner(helper_code, then_cancelled):
    helper = asyncio.create_task(helper_code())
    await asyncio.sleep(0.1)
    try:
        await asyncio.sleep(1 if then_cancelled else 0)
    finally:
        helper.cancel()
        got = await asyncio.gather(helper, return_exceptions=True)
        print("  gather gave", got, "helper cancelled:", helper.cancelled())
    return "owner returned"


async def main():
    print("helper cancelled by its owner:")
    print(" ", await owner(forever, False))
    print("helper that had failed:")
    print(" ", await owner(fails, False))
    print("owner cancelled while it waits:")
    task = asyncio.create_task(owner(forever, True))
    await asyncio.sleep(0.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("  the owner's cancellation went through:", task.cancelled())


asyncio.run(main())
