# contextvars with asyncio (CPython 3.13): each task runs in a copy of the context made
# when it is created; a plain await shares the caller's; gather and TaskGroup copy;
# asyncio.timeout does not; create_task(context=) and call_soon(context=) use the given
# context itself; tokens reset once and only in their own context; the copy is shallow.
import asyncio
import contextvars

user = contextvars.ContextVar("user", default="nobody")
basket = contextvars.ContextVar("basket")


async def child():
    print("child starts and sees", user.get())
    user.set("bo")
    await asyncio.sleep(0.01)
    print("child ends and sees", user.get())


async def log_in(name):
    user.set(name)


async def show(where):
    print(where, "sees", user.get())
    user.set(where)


def callback(where):
    print(where, "sees", user.get())


async def main():
    user.set("ada")
    task = asyncio.create_task(child())
    user.set("cy")
    await task
    print("main sees", user.get())
    await log_in("dee")
    print("after a plain await, main sees", user.get())

    await asyncio.gather(show("gather"))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(show("taskgroup"))
    print("main still sees", user.get())
    async with asyncio.timeout(1):
        await log_in("inside timeout")
    print("after asyncio.timeout, main sees", user.get())

    saved = contextvars.copy_context()
    user.set("eve")
    await asyncio.create_task(log_in("set in saved"), context=saved)
    print("main sees", user.get(), "| saved holds", saved[user])
    print("saved.run:", saved.run(user.get))
    loop = asyncio.get_running_loop()
    loop.call_soon(callback, "call_soon")
    loop.call_soon(callback, "call_soon(context=saved)", context=saved)
    loop.call_later(0.01, callback, "call_later(context=saved)", context=saved)
    await asyncio.sleep(0.02)

    # The copy is shallow: a list is the same object in every copy.
    basket.set([])

    async def add(item):
        basket.get().append(item)

    async with asyncio.TaskGroup() as tg:
        tg.create_task(add("tea"))
        tg.create_task(add("jam"))
    print("main's basket:", basket.get())


asyncio.run(main())

print("get(fallback):", basket.get("none"))
theme = contextvars.ContextVar("theme")
try:
    theme.get()
except LookupError:
    print("LookupError without a default")
first = user.set("ada")
second = user.set("bo")
print(user.get(), second.old_value, first.old_value, first.old_value is contextvars.Token.MISSING)
user.reset(second)
user.reset(first)
print("after both resets:", user.get())
try:
    user.reset(first)
except RuntimeError:
    print("RuntimeError: a token resets once")
token = user.set("zed")
try:
    contextvars.copy_context().run(user.reset, token)
except ValueError:
    print("ValueError: a token resets only in its own context")
user.reset(token)
