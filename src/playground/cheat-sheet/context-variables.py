# Cheat sheet: context variables.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default=None)


def where():
    return request_id.get()                 # read anywhere below, no argument passed


async def handle(n):
    request_id.set(f"req-{n}")              # each task has its own copy
    await asyncio.sleep(0.1)
    print(f"task {n} sees", where())


async def main():
    await asyncio.gather(handle(1), handle(2))
    print("main still sees", where())
    token = request_id.set("outer")
    print("set:", where())
    request_id.reset(token)                 # put back the value before
    print("reset:", where())
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "in a copy")
    print("copy:", ctx[request_id], "/ here:", where())
    request_id.set("for the thread")
    print("to_thread sees:", await asyncio.to_thread(where))
    loop = asyncio.get_running_loop()
    print("run_in_executor sees:", await loop.run_in_executor(None, where))


asyncio.run(main())
