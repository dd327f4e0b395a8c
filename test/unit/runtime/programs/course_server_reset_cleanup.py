# A reset (a client that closes with unread data) makes the server's readline() raise
# ConnectionResetError: without try/finally the client stays in `clients`, and the
# handler's error goes to the loop's exception handler; writer.wait_closed() raises the
# same error again after a reset.
import asyncio

clients = {}  # each client's writer, and the name it gave

def broadcast(message, sender=None):
    for writer in clients:
        if writer is not sender:
            writer.write(message.encode())

async def chat(reader, writer):
    name = (await reader.readline()).decode().strip()
    clients[writer] = name
    broadcast(f"* {name} joined\n", sender=writer)
    while line := await reader.readline():
        text = line.decode().strip()
        if text == "/who":
            writer.write(f"* here: {', '.join(clients.values())}\n".encode())
        else:
            broadcast(f"{name}: {text}\n", sender=writer)
    del clients[writer]
    broadcast(f"* {name} left\n")
    writer.close()
    await writer.wait_closed()

async def chat_fixed(reader, writer):
    name = (await reader.readline()).decode().strip()
    clients[writer] = name
    broadcast(f"* {name} joined\n", sender=writer)
    try:
        while line := await reader.readline():
            text = line.decode().strip()
            if text == "/who":
                writer.write(f"* here: {', '.join(clients.values())}\n".encode())
            else:
                broadcast(f"{name}: {text}\n", sender=writer)
    except ConnectionError:
        pass  # the network failed: cy left all the same
    finally:
        del clients[writer]
        broadcast(f"* {name} left\n")
        writer.close()
        try:
            await writer.wait_closed()
        except ConnectionError:
            pass


async def chat_half_fixed(reader, writer):
    name = (await reader.readline()).decode().strip()
    clients[writer] = name
    broadcast(f"* {name} joined\n", sender=writer)
    try:
        while line := await reader.readline():
            broadcast(f"{name}: {line.decode().strip()}\n", sender=writer)
    except ConnectionError:
        print("half fixed: readline raised ConnectionResetError")
    finally:
        del clients[writer]
        broadcast(f"* {name} left\n")
        writer.close()
        await writer.wait_closed()  # raises the reset again

async def person(port, name, arrive, says, leave, crash=False):
    await asyncio.sleep(arrive)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{name}\n".encode())

    async def listen():
        while line := await reader.readline():
            print(f"{name} sees {line.decode().strip()!r}")

    listening = asyncio.create_task(listen())
    for delay, text in says:
        await asyncio.sleep(delay)
        writer.write(f"{text}\n".encode())
    if crash:
        writer.transport.pause_reading()  # what arrives now stays unread
        await asyncio.sleep(leave)
        print(f"{name}'s laptop crashes")
        writer.transport.abort()  # closing with unread data resets the connection
        listening.cancel()
        return
    await asyncio.sleep(leave)
    writer.close()
    await writer.wait_closed()
    listening.cancel()


async def main(handler, port):
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(
        lambda loop, context: print("reported:", context["message"], repr(context.get("exception"))))
    server = await asyncio.start_server(handler, "127.0.0.1", port)
    async with server:
        await asyncio.gather(
            person(port, "ada", 0.0, [(0.3, "where is cy?"), (0.2, "/who")], leave=0.3),
            person(port, "bo", 0.1, [(0.5, "gone?")], leave=0.3),
            person(port, "cy", 0.2, [], leave=0.25, crash=True),
        )
    print("still in clients:", sorted(clients.values()))
    clients.clear()

asyncio.run(main(chat, 8903))
print("---")
asyncio.run(main(chat_fixed, 8904))
print("---")
asyncio.run(main(chat_half_fixed, 8905))
