import asyncio

class Connections:
    """A pool of database connections: take one, give it back."""

    def __init__(self, size):
        self.free = asyncio.Queue()
        for n in range(1, size + 1):
            self.free.put_nowait(f"connection {n}")

    async def take(self):
        return await self.free.get()

    def give_back(self, connection):
        self.free.put_nowait(connection)

async def worker(jobs, connections, done):
    while True:
        job = await jobs.get()
        try:
            connection = await connections.take()
            try:
                await asyncio.sleep(1)  # the job, over the connection
                done.append(job)
            finally:
                connections.give_back(connection)
        except asyncio.CancelledError:
            jobs.put_nowait(job)  # not done: keep it for the next start
            raise

async def main():
    jobs = asyncio.Queue()
    for job in ["a", "b", "c", "d", "e"]:
        jobs.put_nowait(job)
    connections = Connections(2)
    done = []
    workers = [asyncio.create_task(worker(jobs, connections, done)) for _ in range(3)]
    await asyncio.sleep(1.5)
    print("shutting down")
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("done:", done)
    print("saved for the next start:", sorted(jobs.get_nowait() for _ in range(jobs.qsize())))
    print("free connections:", connections.free.qsize(), "of 2")

asyncio.run(main())
import asyncio

async def stop_at(seconds, names, workers, size):
    jobs = asyncio.Queue()
    for name in names:
        jobs.put_nowait(name)
    connections = Connections(size)
    done = []
    tasks = [asyncio.create_task(worker(jobs, connections, done)) for _ in range(workers)]
    await asyncio.sleep(seconds)
    for task in tasks:
        task.cancel()
    try:
        async with asyncio.timeout(30):
            endings = await asyncio.gather(*tasks, return_exceptions=True)
    except TimeoutError:
        endings = ["still running 30 s after it was cancelled"]
    saved = [jobs.get_nowait() for _ in range(jobs.qsize())]
    return done, saved, connections.free.qsize(), endings

for seconds, names, workers, size in (
    (1.5, ["a", "b", "c", "d", "e"], 3, 2),  # both in a job, one waiting for a connection
    (0.5, ["p", "q", "r"], 2, 1),            # one in its job, one waiting for the connection
    (9, ["x", "y", "z"], 2, 2),              # all done, workers idle
):
    done, saved, free, endings = asyncio.run(stop_at(seconds, names, workers, size))
    print(seconds, "done", done, "saved", sorted(saved), "free", free, "of", size,
          "all cancelled", all(isinstance(e, asyncio.CancelledError) for e in endings))
