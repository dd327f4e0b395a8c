# contextvars and threads (CPython 3.13): asyncio.to_thread copies the caller's context;
# loop.run_in_executor does not (the function runs in the worker thread's own context,
# which keeps what earlier jobs set); context.run carries it; a new threading.Thread
# starts with an empty context. A logging.Filter on the handler stamps request ids.
import asyncio
import concurrent.futures
import contextvars
import logging
import sys
import threading

request_id = contextvars.ContextVar("request_id", default="-")


def log(message):
    print(f"[{request_id.get()}] {message}")


def set_in_worker():
    request_id.set("left behind")


async def main():
    request_id.set("req-7")
    log("in the task")
    await asyncio.to_thread(log, "asyncio.to_thread")
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, log, "loop.run_in_executor")
    context = contextvars.copy_context()
    await loop.run_in_executor(None, context.run, log, "context.run, a pool")
    thread = threading.Thread(target=log, args=["threading.Thread"])
    thread.start()
    thread.join()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        await loop.run_in_executor(pool, log, "a pool of one, first job")
        await loop.run_in_executor(pool, set_in_worker)
        await loop.run_in_executor(pool, log, "the same worker, a later job")
    log("the task again")


asyncio.run(main())


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


handler = logging.StreamHandler(sys.stdout)
handler.addFilter(RequestIdFilter())
handler.setFormatter(logging.Formatter("%(request_id)s %(name)s: %(message)s"))
logging.basicConfig(level=logging.INFO, handlers=[handler])
log_shop = logging.getLogger("shop")


async def handle(number, think):
    request_id.set(f"req-{number}")
    log_shop.info("start")
    await asyncio.sleep(think)
    logging.getLogger("shop.db").info("query")
    log_shop.info("end")


async def serve():
    log_shop.info("serving")
    async with asyncio.TaskGroup() as tg:
        for number, think in [(1, 0.03), (2, 0.01), (3, 0.02)]:
            tg.create_task(handle(number, think))
    log_shop.info("done")


asyncio.run(serve())
