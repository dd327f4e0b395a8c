import asyncio

async def main():
    print("never runs")

class Holder:
    pass

holder = Holder()
holder.me = holder
holder.coro = main()
del holder
print("made it")
