# Cheat sheet: hardening and testing a server.
import asyncio


async def handle(reader, writer):
    try:
        async with asyncio.timeout(1):       # a silent client is let go after 1 s
            line = await reader.readline()
        if line.startswith(b"crash"):
            raise RuntimeError("the handler crashed")
        writer.write(b"ok: " + line)
        async with asyncio.timeout(1):
            await writer.drain()
    except TimeoutError:
        print("server: let a silent client go")
        writer.transport.abort()
        return
    except ValueError as error:              # a line longer than limit=
        print("server:", error)
        writer.transport.abort()
        return
    writer.close()
    await writer.wait_closed()


async def ask(port, data):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(data)
    answer = await reader.read()
    writer.close()
    return answer


def report(loop, context):                   # where a handler's crash goes
    print("exception handler:", context["exception"])


async def main():
    asyncio.get_running_loop().set_exception_handler(report)
    server = await asyncio.start_server(handle, "127.0.0.1", 0, limit=16)
    port = server.sockets[0].getsockname()[1]
    async with server:
        print(await ask(port, b"hello\n"))
        print(await ask(port, b""))          # says nothing
        print(await ask(port, b"x" * 40 + b"\n"))
        await ask(port, b"crash\n")
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(asyncio.open_connection("127.0.0.1", 1))
        except* ConnectionError as group:
            print("TaskGroup raised", [type(e).__name__ for e in group.exceptions])


asyncio.run(main())
