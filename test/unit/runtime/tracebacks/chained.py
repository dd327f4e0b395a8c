import asyncio

async def fetch():
    try:
        await asyncio.sleep(0.1)
        {}["missing"]
    except KeyError as error:
        raise RuntimeError("could not fetch") from error

async def main():
    try:
        await fetch()
    except RuntimeError:
        print("handled?", 1 / 0)

asyncio.run(main())
