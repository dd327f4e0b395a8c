import asyncio
import sys

def hook(kind, value, tb):
    print("hook:", kind.__name__, value, file=sys.stderr)

sys.excepthook = hook

async def main():
    await asyncio.sleep(0.1)
    raise ValueError("boom")

asyncio.run(main())
