"""Web sites on the page's network, for an example's hidden setup.

``site("shop.example", {"/": "Welcome", "/slow": page("Done", delay=2)})`` puts a host
on the virtual network (network.py) that answers HTTP/1.1 on port 80: each path's page,
404 for the others. Pages can be slow, fail, or fail a few times before they work, and
a site can limit how many requests a second it takes (429 past that), so that a lesson
can show timeouts, retries and politeness on the virtual clock. Connections stay open
between requests unless the client asks to close (``Connection: close``), as real
servers keep them. The site counts what happened, for an exercise's check.
"""

import asyncio
import collections

from . import network

_REASONS = {200: "OK", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error",
            503: "Service Unavailable"}


#: How much less than a second a server's rate limit lets ``per_second`` requests span.
_RATE_GRACE = 0.05


class Page:
    """What a path answers: its body, its status, how long the server takes over it, and
    whether (or how many times first) it fails."""

    def __init__(self, body="", *, status=200, delay=0.0, fails=0, failure=500, content_type="text/plain"):
        self.body = body.encode() if isinstance(body, str) else bytes(body)
        self.status = status
        self.delay = delay
        self.fails = fails  # how many requests fail before it answers (-1: every one)
        self.failure = failure  # the status of a failure, or "drop" to hang up instead
        self.content_type = content_type


def page(body="", **options):
    """A page with options: ``delay`` (seconds), ``fails`` (how many first requests fail;
    -1 for all), ``failure`` (500, 503, or ``"drop"`` to close without answering),
    ``status`` and ``content_type``."""
    return Page(body, **options)


class Site:
    """A web site on the network, and what it saw: requests by path, the most
    connections it had at once, and the requests it refused for going too fast."""

    def __init__(self, name, pages, per_second):
        self.name = name
        self.pages = {path: value if isinstance(value, Page) else Page(value) for path, value in pages.items()}
        self.per_second = per_second
        self.requests = collections.Counter()
        self.connections = 0
        self.most_at_once = 0
        self.refused = 0
        self._failed = collections.Counter()
        self._recent = collections.deque()

    def forget(self):
        """Start counting afresh, and fail pages from the start again (for a check that
        runs the reader's code a second time)."""
        self.requests.clear()
        self.most_at_once = self.refused = 0
        self._failed.clear()
        self._recent.clear()

    async def serve(self, reader, writer):
        self.connections += 1
        self.most_at_once = max(self.most_at_once, self.connections)
        try:
            while await self._answer(reader, writer):
                pass
        except ConnectionError:
            pass
        finally:
            self.connections -= 1
            writer.close()

    async def _answer(self, reader, writer):
        """Reads one request and answers it; False when the connection should end."""
        request = await reader.readline()
        if not request.strip():
            return False
        headers = {}
        while (line := await reader.readline()).strip():
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        if int(headers.get("content-length", 0) or 0):
            await reader.readexactly(int(headers["content-length"]))
        parts = request.decode("latin-1").split()
        path = parts[1] if len(parts) > 1 else "/"
        keep_open = headers.get("connection", "").lower() != "close" and parts[-1:] == ["HTTP/1.1"]
        self.requests[path] += 1
        answer = self._respond(path)
        if answer is None:  # a page that fails by hanging up
            return False
        status, body, content_type, delay = answer
        if delay:
            await asyncio.sleep(delay)
        head = (f"HTTP/1.1 {status} {_REASONS.get(status, 'Unknown')}\r\n"
                f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n")
        if status == 429:
            head += "Retry-After: 1\r\n"
        head += "Connection: keep-alive\r\n\r\n" if keep_open else "Connection: close\r\n\r\n"
        writer.write(head.encode() + body)
        await writer.drain()
        return keep_open

    def _respond(self, path):
        """(status, body, content type, seconds the server takes) for a request of
        ``path``, or None when the server hangs up instead of answering."""
        if self.per_second is not None:
            now = asyncio.get_running_loop().time()
            # A second ago, give or take 50 ms: as a real server's limit, not exact to
            # the millisecond. (In the page, computing moves the clock too, so requests
            # sent 0.2 s apart on the loop can arrive a few ms closer.)
            while self._recent and self._recent[0] <= now - 1 + _RATE_GRACE:
                self._recent.popleft()
            if len(self._recent) >= self.per_second:
                self.refused += 1
                return 429, b"Too many requests: slow down\n", "text/plain", 0
            self._recent.append(now)
        found = self.pages.get(path)
        if found is None:
            return 404, b"Not found\n", "text/plain", 0
        if found.fails == -1 or self._failed[path] < found.fails:
            self._failed[path] += 1
            if found.failure == "drop":
                return None
            return found.failure, b"Something went wrong\n", "text/plain", 0
        return found.status, found.body, found.content_type, found.delay


def site(name, pages, *, latency=0.05, bandwidth=None, per_second=None, port=80):
    """Put a web site on the network: ``pages`` maps a path to its body (text or bytes)
    or to a ``page(...)``. ``latency`` is seconds each way, ``bandwidth`` bytes a second,
    ``per_second`` the most requests it takes in any second (429 past it). Returns the
    ``Site``, which counts what it saw."""
    web = Site(name, pages, per_second)
    network.host(name, latency=latency, bandwidth=bandwidth, serve=web.serve, port=port)
    return web
