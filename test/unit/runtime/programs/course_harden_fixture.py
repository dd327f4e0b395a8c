import asyncio
import unittest
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

async def get_price(item, port):
    async with connection("127.0.0.1", port) as (reader, writer):
        writer.write(f"PRICE {item}\n".encode())
        return float(await reader.readline())

class PriceTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.requests = []  # what the fake server was asked
        self.server = await asyncio.start_server(self.answer, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    async def asyncTearDown(self):
        self.server.close()
        await self.server.wait_closed()

    async def answer(self, reader, writer):
        self.requests.append(await reader.readline())
        writer.write(b"3.50\n")
        writer.close()
        await writer.wait_closed()

    async def test_price_comes_back(self):
        self.assertEqual(await get_price("tea", self.port), 3.5)
        self.assertEqual(self.requests, [b"PRICE tea\n"])

    async def test_two_prices_two_connections(self):
        await get_price("tea", self.port)
        await get_price("coffee", self.port)
        self.assertEqual(self.requests, [b"PRICE tea\n", b"PRICE coffee\n"])


for case in [PriceTests]:
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(case).run(result)
    print(case.__name__, "ran", result.testsRun, "ok:", result.wasSuccessful(),
          [t.id().rsplit(".", 1)[1] for t, _ in result.failures + result.errors])
