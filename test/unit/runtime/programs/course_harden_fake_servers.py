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

async def get_price(item, port, timeout=10):
    async with asyncio.timeout(timeout):
        async with connection("127.0.0.1", port) as (reader, writer):
            writer.write(f"PRICE {item}\n".encode())
            line = await reader.readline()
    if not line:
        raise ConnectionError("the server closed without answering")
    if not line.endswith(b"\n"):
        raise ConnectionError(f"the answer was cut short: {line!r}")
    return float(line)

async def closes_early(reader, writer):
    await reader.readline()  # read the request, then hang up
    writer.close()
    await writer.wait_closed()

async def slams_the_door(reader, writer):
    writer.close()  # with the request unread: a reset, not an end
    await writer.wait_closed()

async def never_answers(reader, writer):
    await reader.read()  # until the client gives up
    writer.close()
    await writer.wait_closed()

class MisbehavingServerTests(unittest.IsolatedAsyncioTestCase):
    async def test_closed_without_answer(self):
        async with running_server(closes_early) as port:
            with self.assertRaisesRegex(ConnectionError, "without answering"):
                await get_price("tea", port)

    async def test_reset(self):
        async with running_server(slams_the_door) as port:
            with self.assertRaises(ConnectionResetError):
                await get_price("tea", port)

    async def test_no_answer_times_out(self):
        loop = asyncio.get_running_loop()
        started = loop.time()
        async with running_server(never_answers) as port:
            with self.assertRaises(TimeoutError):
                await get_price("tea", port, timeout=0.2)
        self.assertLess(loop.time() - started, 1)


for case in [MisbehavingServerTests]:
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(case).run(result)
    print(case.__name__, "ran", result.testsRun, "ok:", result.wasSuccessful(),
          [t.id().rsplit(".", 1)[1] for t, _ in result.failures + result.errors])
