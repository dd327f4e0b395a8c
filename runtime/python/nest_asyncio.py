"""A small stand-in for the third-party ``nest_asyncio`` package, for asyncio-live only.

In a notebook (a cell run with the ``notebook`` option), IPython's kernel already runs
an event loop, and ``apply()`` makes that loop re-entrant, as the real package does:
``loop.run_until_complete(...)`` and ``asyncio.run(...)`` then work inside the running
loop, running it until their coroutine is done. In a script no loop is running, and
``apply()`` has only to give what a notebook gives: a current event loop, so that
``asyncio.get_event_loop()`` and ``loop.run_until_complete(...)`` work.

(The real package swaps asyncio's Task class for the whole interpreter, which would
break later runs; this one patches only the loop it is given, and ``asyncio.run``,
for the run.)
"""

import asyncio
import types

__version__ = "asyncio-live"


def apply(loop=None):
    """Make ``loop`` (by default the current one, else a new one) re-entrant, and current."""
    if loop is None:
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:
            loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete = types.MethodType(_run_until_complete, loop)
    asyncio.run = _run


def _run_until_complete(loop, future):
    """``run_until_complete`` that also works while ``loop`` is running: it turns the
    loop from here until ``future`` is done (the task that called it steps aside
    meanwhile, so the loop's other tasks can run)."""
    if not loop.is_running():
        return type(loop).run_until_complete(loop, future)
    future = asyncio.ensure_future(future, loop=loop)
    caller = asyncio.tasks._swap_current_task(loop, None)
    try:
        while not future.done():
            loop._run_once()
    finally:
        asyncio.tasks._swap_current_task(loop, caller)
    return future.result()


def _run(main, *, debug=None, loop_factory=None):
    """``asyncio.run`` after ``apply()``: on the current loop, running or not."""
    return asyncio.get_event_loop().run_until_complete(main)
