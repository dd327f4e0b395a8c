# The playground's practice network: hosts a program can reach by name (nothing
# leaves the page). Run before the reader's program when "Practice hosts" is on.
from asyncio_live import http, network

# Web sites: GET any of these paths (open_connection on port 80, or httpx).
http.site("shop.example", {
    "/": "Welcome to the shop",
    "/items": '["tea", "cups", "kettles"]',
    "/slow": http.page("worth the wait", delay=2.0),
    "/flaky": http.page("fine now", fails=2, failure=503),
}, latency=0.05)
http.site("news.example", {"/": "Today: asyncio everywhere"}, latency=0.3)
http.site("api.example", {"/time": "09:00"}, latency=0.05, per_second=2)


# A line-by-line echo on port 7: each line comes back upper-cased.
async def shout(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


network.host("echo.example", latency=0.1, serve=shout, port=7)
