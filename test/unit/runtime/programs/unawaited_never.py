import asyncio

async def main():
    print("never runs")

coro = main()
print("made it")
