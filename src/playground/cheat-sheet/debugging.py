# Cheat sheet: debugging.
import asyncio
import gc
import sys


async def fails():
    raise ValueError("nobody saw this")


async def child():
    graph = asyncio.capture_call_graph()
    print(graph.future.get_name(), "is awaited by", [edge.future.get_name() for edge in graph.awaited_by])


async def main():
    asyncio.sleep(1)                  # no await: "was never awaited", when it is collected
    gc.collect()
    task = asyncio.create_task(fails())
    await asyncio.sleep(0.1)
    del task                          # failed, never awaited: reported when it goes
    gc.collect()
    if sys.version_info >= (3, 14):   # the call graph, 3.14: who awaits whom, from inside
        await asyncio.create_task(child(), name="child")


asyncio.run(main(), debug=False)      # debug=True: slow callbacks, where tasks were made
