import asyncio
import socket


async def main():
    for host in ("127.0.0.1", "localhost"):
        try:
            await asyncio.open_connection(host, 9)
        except ConnectionRefusedError as error:
            print(type(error).__name__, error.errno, error)
    try:
        await asyncio.open_connection("no-such-host.invalid", 80)
    except socket.gaierror as error:
        print(type(error).__name__, error)
    first = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 8890)
    try:
        await asyncio.start_server(lambda r, w: None, "127.0.0.1", 8890)
    except OSError as error:
        print(type(error).__name__, error.errno, error)
    first.close()
    await first.wait_closed()
    again = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 8890)
    print("the port is free again:", again.sockets[0].getsockname())
    again.close()
    await again.wait_closed()
    print(await asyncio.get_running_loop().getaddrinfo("localhost", 80, type=socket.SOCK_STREAM))


asyncio.run(main())
