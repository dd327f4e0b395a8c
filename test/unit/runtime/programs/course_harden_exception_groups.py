import asyncio
from contextlib import asynccontextmanager

@asynccontextmanager
async def connection(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        yield reader, writer
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass  # the peer may have reset the connection already

@asynccontextmanager
async def running_server(handler):
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    async with server:
        yield server.sockets[0].getsockname()[1]
import asyncio
import unittest

async def get_price(item, port):
    async with connection("127.0.0.1", port) as (reader, writer):
        writer.write(f"PRICE {item}\n".encode())
        line = await reader.readline()
    if not line:
        raise ConnectionError("the server closed without answering")
    return float(line)

async def prices(item, ports):
    """The item's price from every shop: all of them, or an error."""
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(get_price(item, port)) for port in ports]
    return [task.result() for task in tasks]

async def shop(reader, writer):
    await reader.readline()
    writer.write(b"3.50\n")
    writer.close()
    await writer.wait_closed()

async def broken_shop(reader, writer):
    await reader.readline()  # and no answer
    writer.close()
    await writer.wait_closed()

async def main():
    async with (running_server(shop) as good,
                running_server(broken_shop) as bad):
        print(await prices("tea", [good, good]))
        try:
            await prices("tea", [good, bad, bad])
        except ConnectionError:
            print("except ConnectionError: caught it")
        except Exception as error:
            name = type(error).__name__
            print(f"except ConnectionError missed it: {name}: {error}")
        try:
            await prices("tea", [good, bad, bad])
        except* ConnectionError as group:
            print("except*:", [str(e) for e in group.exceptions])

asyncio.run(main())

class PricesTests(unittest.IsolatedAsyncioTestCase):
    async def test_one_broken_shop_fails_the_lot(self):
        async with (running_server(shop) as good,
                    running_server(broken_shop) as bad):
            with self.assertRaises(ExceptionGroup) as caught:
                await prices("tea", [good, bad])
        lost, others = caught.exception.split(ConnectionError)
        self.assertEqual(len(lost.exceptions), 1)
        self.assertIsNone(others)  # nothing but ConnectionError in the group
        self.assertIn("without answering", str(lost.exceptions[0]))


for case in [PricesTests]:
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(case).run(result)
    print(case.__name__, "ran", result.testsRun, "ok:", result.wasSuccessful(),
          [t.id().rsplit(".", 1)[1] for t, _ in result.failures + result.errors])

group = ExceptionGroup("outer", [ConnectionError("a"), ExceptionGroup("inner", [ValueError("b")])])
print("subgroup(predicate) on the group itself:",
      group.subgroup(lambda e: not isinstance(e, ConnectionError)) is group)
match, rest = group.split(ConnectionError)
print("split:", match.exceptions, "| rest:", rest)
print("split through nesting:", group.split(ValueError)[0])
