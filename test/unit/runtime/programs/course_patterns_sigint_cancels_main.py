import asyncio, os, signal
async def main():
    asyncio.get_running_loop().call_later(1, os.kill, os.getpid(), signal.SIGINT)
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main task cancelled")
        raise
try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("then KeyboardInterrupt")
