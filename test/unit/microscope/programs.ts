/**
 * The programs the loop microscope is judged by, in Node (test/unit/microscope/) and in
 * Chromium (test/site/microscope.test.ts): a gather of two sleepers, and a server with one
 * client. Line numbers matter: the tests check the lines tasks wait at.
 */
export const GATHER = `import asyncio


async def sleeper(name, seconds):
    print(f"{name} sleeps {seconds} s")
    await asyncio.sleep(seconds)
    print(f"{name} wakes")
    return name


async def main():
    results = await asyncio.gather(sleeper("a", 1), sleeper("b", 2))
    print(results)


asyncio.run(main())
`;

export const SERVER = `import asyncio


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
        writer.write(b"hello\\n")
        print(await reader.readline())
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
`;
