import asyncio

cache = {"a": "A"}

async def lookup(key):
    if key not in cache:
        print(f"  (the database is asked for {key})")
        await asyncio.sleep(0.1)
        cache[key] = key.upper()
    return cache[key]

async def reader(name, keys):
    for key in keys:
        value = await lookup(key)
        print(name, "got", value)

async def main():
    await asyncio.gather(reader("r1", ["a", "a", "b"]), reader("r2", ["a", "c"]))

asyncio.run(main())
