# A queue and a sending task per client; a client whose queue is full is dropped with
# transport.abort(); the others get every line on time. 8 MB: more than Linux holds.
import asyncio

LIMIT = 500  # lines a client may have waiting; a client with more is too slow

clients = {}  # each client's writer, and the queue of lines waiting for it

async def send_to(writer, queue):
    while True:
        line = await queue.get()
        writer.write(line)
        await writer.drain()  # waits while the connection is full

def broadcast(line, sender):
    for writer, queue in list(clients.items()):
        if writer is sender:
            continue
        try:
            queue.put_nowait(line)
        except asyncio.QueueFull:  # too slow: drop it
            del clients[writer]
            writer.transport.abort()  # close() would wait to send its buffer

async def chat(reader, writer):
    queue = asyncio.Queue(LIMIT)
    clients[writer] = queue
    sending = asyncio.create_task(send_to(writer, queue))
    try:
        while line := await reader.readline():
            broadcast(line, sender=writer)
    finally:
        clients.pop(writer, None)  # broadcast may have dropped it already
        sending.cancel()
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass

async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(chat, "127.0.0.1", 8902)
    slow = await asyncio.open_connection("127.0.0.1", 8902)  # never reads
    ada = await asyncio.open_connection("127.0.0.1", 8902)
    bo = await asyncio.open_connection("127.0.0.1", 8902)
    await asyncio.sleep(0.1)
    start = loop.time()
    got, late = 0, 0.0

    async def listen(reader):
        nonlocal got, late
        try:
            while line := await reader.readline():
                got += 1
                late = max(late, loop.time() - start - float(line.split()[0]))
        except ConnectionError:
            pass
        print(f"ada was dropped after {got} lines")

    listening = asyncio.create_task(listen(ada[0]))
    for batch in range(80):  # bo pastes 8 MB: 100 lines every 0.05 s
        bo[1].write(f"{batch * 0.05:<999}\n".encode() * 100)
        await bo[1].drain()
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    listening.cancel()
    print(f"ada got {got} of 8000 lines")
    if got:
        print("all on time" if late <= 0.5 else f"some up to {late:.1f} s late")
    for _, writer in (ada, bo):
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass
    server.close()
    try:
        await asyncio.wait_for(server.wait_closed(), 1)
        print("slow was dropped")
    except TimeoutError:
        print("slow is still connected")
        server.abort_clients()
    slow[1].transport.abort()
    await server.wait_closed()

asyncio.run(main())
