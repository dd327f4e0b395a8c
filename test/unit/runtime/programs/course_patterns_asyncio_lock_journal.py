import asyncio

journal = []
journal_lock = asyncio.Lock()

async def write_entry(name, lines):
    async with journal_lock:  # one entry at a time: its lines must stay together
        journal.append(f"{name}: begin")
        for line in lines:
            await asyncio.sleep(0.1)  # the disk is slow
            journal.append(f"{name}: {line}")
        journal.append(f"{name}: end")

async def main():
    await asyncio.gather(
        write_entry("order 1", ["2 teas", "1 cake"]),
        write_entry("order 2", ["1 coffee"]),
    )
    print("\n".join(journal))

asyncio.run(main())
