/**
 * The virtual network (runtime/python/asyncio_live/network.py, sockets.py). What CPython
 * does on real loopback sockets is checked by the net_*.py programs of programs/ (their
 * .out files are CPython 3.13's output); these tests check what only the page has:
 * remote hosts with latency and bandwidth on the virtual clock, and how a run that
 * waits on the network ends.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../runtime/protocol/index.ts';
import { describeWait } from '../../../src/client/timeline/layout.ts';
import { dedent, runPython, sharedEngine } from './run-python';

const SHOP = `
  import asyncio, time
  from asyncio_live import network

  async def shop(reader, writer):
      request = await reader.readline()
      writer.write(b"you asked for " + request)
      await writer.drain()
      writer.close()
      await writer.wait_closed()

  network.host("shop.example", latency=0.1, serve=shop)
`;

/** A program that puts the shop on the network first. */
const withShop = (code: string) => dedent(SHOP) + dedent(code);

describe('remote hosts on the virtual clock', () => {
  it('a connection costs a round trip, a request and its answer another', async () => {
    const { output, result } = await runPython(
      withShop(`
      async def main():
          start = time.monotonic()
          reader, writer = await asyncio.open_connection("shop.example", 80)
          print("connected after", round(time.monotonic() - start, 3), "to", writer.get_extra_info("peername"))
          writer.write(b"/shoes\\n")
          print(await reader.readline(), "after", round(time.monotonic() - start, 3))
          print(await reader.read(), "after", round(time.monotonic() - start, 3))
          writer.close()
          await writer.wait_closed()
      asyncio.run(main())
    `),
    );
    expect(output).toBe("connected after 0.2 to ('203.0.113.1', 80)\n" + "b'you asked for /shoes\\n' after 0.4\n" + "b'' after 0.4\n");
    expect(result.ok).toBe(true);
  });

  it('ten requests at once take as long as one; one after another, ten times as long', async () => {
    const { output } = await runPython(
      withShop(`
      async def fetch(path):
          reader, writer = await asyncio.open_connection("shop.example", 80)
          writer.write(path.encode() + b"\\n")
          answer = await reader.read()
          writer.close()
          return answer

      async def main():
          start = time.monotonic()
          for i in range(10):
              await fetch(f"/{i}")
          print("one after another:", round(time.monotonic() - start, 3))
          start = time.monotonic()
          answers = await asyncio.gather(*(fetch(f"/{i}") for i in range(10)))
          print("at once:", round(time.monotonic() - start, 3), len(answers))
      asyncio.run(main())
    `),
    );
    expect(output).toBe('one after another: 4.0\nat once: 0.4 10\n');
  });

  it('bandwidth: half a megabyte over a 1 MB/s link takes half a second more', async () => {
    const { output } = await runPython(`
      import asyncio, time
      from asyncio_live import network

      async def big(reader, writer):
          writer.write(b"x" * 500_000)
          await writer.drain()
          writer.close()

      network.host("files.example", latency=0.05, bandwidth=1_000_000, serve=big, port=8080)

      async def main():
          start = time.monotonic()
          reader, writer = await asyncio.open_connection("files.example", 8080)
          data = await reader.read()
          print(len(data), "bytes after", round(time.monotonic() - start, 3))
          writer.close()
      asyncio.run(main())
    `);
    // The server accepts after 1.5 round trips (0.15 s), then 0.5 s on the wire and 0.05 s on the way.
    expect(output).toBe('500000 bytes after 0.7\n');
  });

  it('an unknown name fails as DNS does; a port nobody serves refuses after a round trip', async () => {
    const { output } = await runPython(
      withShop(`
      import socket
      async def main():
          try:
              await asyncio.open_connection("nowhere.example", 80)
          except socket.gaierror as error:
              print("gaierror:", error)
          start = time.monotonic()
          try:
              await asyncio.open_connection("shop.example", 443)
          except ConnectionRefusedError as error:
              print(error, "after", round(time.monotonic() - start, 3))
          print(socket.getaddrinfo("shop.example", 80, type=socket.SOCK_STREAM)[0][4])
          print(socket.gethostbyname("localhost"))
      asyncio.run(main())
    `),
    );
    expect(output).toBe(
      'gaierror: [Errno -2] Name or service not known\n' +
        "[Errno 111] Connect call failed ('203.0.113.1', 443) after 0.2\n" +
        "('203.0.113.1', 80)\n" +
        '127.0.0.1\n',
    );
  });

  it('checks what host() is given', async () => {
    const { output } = await runPython(`
      from asyncio_live import network
      for args in ({"latency": -1}, {"latency": float("nan")}, {"bandwidth": 0}):
          try:
              network.host("a.example", **args)
          except ValueError as error:
              print(error)
      try:
          network.host("localhost")
      except ValueError as error:
          print(error)
    `);
    expect(output).toBe(
      'latency must be a number of seconds, 0 or more\n'.repeat(2) +
        'bandwidth must be a number of bytes a second, more than 0 (or None)\n' +
        "'localhost' is this machine; give a remote host another name\n",
    );
  });
});

describe('a run on the network ends', () => {
  it('a server that serves forever, with nobody to connect, waits forever and says why', async () => {
    const { result } = await runPython(`
      import asyncio
      async def main():
          server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 8000)
          async with server:
              await server.serve_forever()
      asyncio.run(main())
    `);
    expect(!result.ok && result.error.type).toBe('WaitsForever');
    expect(!result.ok && result.error.message).toMatch(/a server waits for connections that nothing in this program will make/);
  });

  it('a client that waits for an answer that never comes waits forever', async () => {
    const { result } = await runPython(`
      import asyncio
      async def silent(reader, writer):
          await reader.read()

      async def main():
          server = await asyncio.start_server(silent, "127.0.0.1", 8000)
          reader, writer = await asyncio.open_connection("127.0.0.1", 8000)
          server.close()
          await reader.read()
      asyncio.run(main())
    `);
    expect(!result.ok && result.error.type).toBe('WaitsForever');
    expect(!result.ok && result.error.message).toMatch(/A connection is open, and nothing more will arrive on it/);
  });

  it('each run starts with an empty network: ports free, hosts forgotten', async () => {
    const listen = `
      import asyncio
      async def main():
          server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 8001)
          print(server.sockets[0].getsockname())
      asyncio.run(main())
    `;
    expect((await runPython(listen)).output).toBe("('127.0.0.1', 8001)\n");
    expect((await runPython(listen)).output).toBe("('127.0.0.1', 8001)\n");
    await runPython(SHOP);
    const { output } = await runPython(`
      import socket
      try:
          socket.getaddrinfo("shop.example", 80)
      except socket.gaierror as error:
          print(error)
    `);
    expect(output).toBe('[Errno -2] Name or service not known\n');
  });

  it('blocking sockets wait as CPython does; one that waits for what nothing can send says so at its line', async () => {
    const { stdout, result } = await runPython(`
      import socket
      try:
          socket.create_connection(("127.0.0.1", 80))
      except OSError as error:
          print(type(error).__name__, error)
      a, b = socket.socketpair()
      a.sendall(b"one")
      print(b.recv(10))
      b.recv(10)
    `);
    // CPython 3.13 prints the first two lines, then waits forever at line 9.
    expect(stdout).toBe("ConnectionRefusedError [Errno 111] Connection refused\nb'one'\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.type).toBe('WaitsForever');
    expect(result.error.line).toBe(9);
    expect(result.error.message).toMatch(/a blocking socket waits for data to read, and nothing in the program can send it/);
  });
});

describe('the trace names waits on the network', () => {
  it("leaves asyncio's own plumbing off: the server's address lookup and each connection's set-up", async () => {
    const events: TraceEvent[] = [];
    await (await sharedEngine()).run(
      dedent(`
        import asyncio
        async def echo(reader, writer):
            writer.write(await reader.readline())
            writer.close()
        async def main():
            server = await asyncio.start_server(echo, "127.0.0.1", 8000)
            reader, writer = await asyncio.open_connection("127.0.0.1", 8000)
            writer.write(b"hi\\n")
            print(await reader.readline())
            server.close()
        asyncio.run(main())
      `),
      { deterministic: true },
      () => {},
      (batch) => events.push(...batch),
    );
    const tasks = events.flatMap((event) => (event.type === 'task' ? [event.coro] : []));
    expect(tasks).toEqual(['main()', expect.stringMatching(/^echo\(/)]);
  });

  it('connecting, reading, draining and closing, with the other end by name', async () => {
    const events: TraceEvent[] = [];
    await (await sharedEngine()).run(
      withShop(`
        async def main():
            reader, writer = await asyncio.open_connection("shop.example", 80)
            writer.write(b"/\\n")
            await writer.drain()
            await reader.read()
            writer.close()
            await writer.wait_closed()
        asyncio.run(main())
      `),
      { deterministic: true },
      () => {},
      (batch) => events.push(...batch),
    );
    const waits = events.flatMap((event) =>
      event.type === 'wait' && event.on.kind === 'network' ? [[event.task, describeWait(event.on)]] : [],
    );
    expect(waits).toEqual(
      expect.arrayContaining([
        ['Task-1', 'connecting to shop.example:80'],
        ['Task-1', 'reading from shop.example:80'],
        // The shop's handler, in the task its server started, reads the request from this machine.
        [expect.stringMatching(/^Task-\d+$/), expect.stringMatching(/^reading from 10\.0\.0\.2:\d+$/)],
      ]),
    );
  });
});

describe('web sites for hidden setup (asyncio_live.http)', () => {
  const CLIENT = `
    import asyncio, time
    from asyncio_live import http

    async def ask(reader, writer, path, close=False):
        extra = "Connection: close\\r\\n" if close else ""
        writer.write(f"GET {path} HTTP/1.1\\r\\nHost: x\\r\\n{extra}\\r\\n".encode())
        status = (await reader.readline()).decode().strip()
        headers = {}
        while (line := (await reader.readline()).decode().strip()):
            name, _, value = line.partition(": ")
            headers[name] = value
        body = await reader.readexactly(int(headers["Content-Length"]))
        return status, headers, body
  `;

  it('keeps a connection open between requests, until the client asks to close it', async () => {
    const { output } = await runPython(`${dedent(CLIENT)}
site = http.site("a.example", {"/": "home", "/b": b"bytes"}, latency=0.05)

async def main():
    reader, writer = await asyncio.open_connection("a.example", 80)
    print(await ask(reader, writer, "/"))
    print(await ask(reader, writer, "/b", close=True))
    print(await reader.read(), site.connections, site.most_at_once, dict(site.requests))
    print(round(asyncio.get_running_loop().time() - 1000, 6))

asyncio.run(main())
asyncio.run(main())
`);
    const once =
      "('HTTP/1.1 200 OK', {'Content-Type': 'text/plain', 'Content-Length': '4', 'Connection': 'keep-alive'}, b'home')\n" +
      "('HTTP/1.1 200 OK', {'Content-Type': 'text/plain', 'Content-Length': '5', 'Connection': 'close'}, b'bytes')\n";
    // Connect (0.1 s), then two requests, a round trip each; the second asyncio.run is served too.
    expect(output).toBe(`${once}b'' 0 1 {'/': 1, '/b': 1}\n0.3\n${once}b'' 0 1 {'/': 2, '/b': 2}\n0.6\n`);
  });

  it('refuses more requests a second than it takes (429, Retry-After), fails pages as told, and drops', async () => {
    const { output } = await runPython(`${dedent(CLIENT)}
site = http.site("b.example", {"/": "ok", "/broken": http.page(fails=-1), "/gone": http.page(fails=-1, failure="drop")},
                 latency=0, per_second=2)

async def main():
    reader, writer = await asyncio.open_connection("b.example", 80)
    for _ in range(3):
        status, headers, body = await ask(reader, writer, "/")
        print(status, headers.get("Retry-After"), body)
    await asyncio.sleep(1)
    print((await ask(reader, writer, "/broken"))[0], (await ask(reader, writer, "/nowhere"))[0])
    await asyncio.sleep(1)
    writer.write(b"GET /gone HTTP/1.1\\r\\n\\r\\n")
    print(await reader.read(), site.refused)

asyncio.run(main())
`);
    expect(output).toBe(
      "HTTP/1.1 200 OK None b'ok'\n" +
        "HTTP/1.1 200 OK None b'ok'\n" +
        "HTTP/1.1 429 Too Many Requests 1 b'Too many requests: slow down\\n'\n" +
        'HTTP/1.1 500 Internal Server Error HTTP/1.1 404 Not Found\n' +
        "b'' 1\n",
    );
  });

  it('takes requests sent at the limit a few ms closer than it (as computing in the page moves them), not 50 ms closer', async () => {
    const { output } = await runPython(`${dedent(CLIENT)}
site = http.site("c.example", {"/": "ok"}, latency=0, per_second=5)

async def main(gap):
    site.forget()
    reader, writer = await asyncio.open_connection("c.example", 80)
    for n in range(11):
        await ask(reader, writer, "/")
        # Every other request a little late, the next one on time.
        await asyncio.sleep(gap + (0.02 if n % 2 == 0 else -0.02))
    print(gap, site.refused)

asyncio.run(main(0.2))
asyncio.run(main(0.18))
`);
    // 0.18 s apart, give or take: the sixth request comes 0.92 s after the first, refused.
    expect(output).toBe('0.2 0\n0.18 1\n');
  });
});

describe('httpx on the virtual network (the packages that come with the runtime)', () => {
  it('gets pages, reuses its connection, keeps to its limits and times out as httpx documents', async () => {
    const { output, result } = await runPython(`
      import asyncio, time
      import httpx
      from asyncio_live import http

      shop = http.site("shop.example", {
          "/": "Welcome",
          **{f"/item/{n}": http.page(f"item {n}", delay=0.5) for n in range(6)},
          "/slow": http.page("late", delay=5),
      }, latency=0.05)

      async def main():
          limits = httpx.Limits(max_connections=2)
          async with httpx.AsyncClient(timeout=2, limits=limits) as client:
              start = time.monotonic()
              first = await client.get("http://shop.example/")
              second = await client.get("http://shop.example/")
              print(first.status_code, first.text, second.text, round(time.monotonic() - start, 3), shop.connections)
              start = time.monotonic()
              pages = await asyncio.gather(*(client.get(f"http://shop.example/item/{n}") for n in range(6)))
              print([page.text for page in pages], round(time.monotonic() - start, 3), shop.most_at_once)
              try:
                  await client.get("http://shop.example/slow")
              except httpx.ReadTimeout as error:
                  print("ReadTimeout after", round(time.monotonic() - start, 3))
              missing = await client.get("http://shop.example/nowhere")
              print(missing.status_code, missing.is_success)
          try:
              await httpx.AsyncClient().get("http://nowhere.example/")
          except httpx.ConnectError as error:
              print("ConnectError:", error)

      asyncio.run(main())
    `);
    expect(result.ok).toBe(true);
    expect(output).toBe(
      // One connection (0.1 s), two requests on it (0.1 s each).
      '200 Welcome Welcome 0.3 1\n' +
        // Two connections at a time: three rounds of a request and a 0.5 s page, plus one more connection.
        "['item 0', 'item 1', 'item 2', 'item 3', 'item 4', 'item 5'] 1.9 2\n" +
        'ReadTimeout after 3.9\n' +
        '404 False\n' +
        'ConnectError: [Errno -2] Name or service not known\n',
    );
  });
});

describe('bounds on the network', () => {
  it('a program that writes without drain to a reader that does not read gets a clear error', async () => {
    const { result } = await runPython(`
      import asyncio

      async def never_reads(reader, writer):
          await asyncio.sleep(3600)

      async def main():
          server = await asyncio.start_server(never_reads, "127.0.0.1", 8000)
          reader, writer = await asyncio.open_connection("127.0.0.1", 8000)
          while True:
              writer.write(b"x" * 1_000_000)
              await asyncio.sleep(0)

      asyncio.run(main())
    `);
    expect(!result.ok && result.error.type).toBe('WriteBufferFull');
    expect(!result.ok && result.error.message).toMatch(/more than the 67,108,864 a connection may hold here.*await writer\.drain\(\)/);
    expect(!result.ok && result.error.line).toBe(10);
  });
});
