"""How a Stop reaches a program inside ``asyncio.run``.

The page stops a run by raising SIGINT in Python (Stop, or a run's time limit), and
writes it again every 50 ms until the run ends. ``asyncio.Runner`` turns the first
SIGINT into ``main_task.cancel()`` inside the signal handler, which runs between any two
bytecodes, even halfway through one of asyncio's own callbacks. Between the check and the
set of ``futures._set_result_unless_cancelled`` (the timer that ends every sleep), that
cancel makes the set fail, and the loop prints "Exception in callback ...
InvalidStateError: invalid state" (CPython 3.13 does the same, rarely, on Ctrl+C; the
page's stops hit it often enough to show a reader a traceback that is not theirs).

Here the first SIGINT puts the cancel first in the loop's ready queue: it runs as soon as
the callback running now returns, where nothing is halfway, and no later (a turn later,
5,000 ticking tasks took Stop past the 200 ms after which the page replaces the worker).
A second SIGINT raises KeyboardInterrupt at once, as in CPython, so a program that
computes and never awaits is still stopped."""

import collections
from asyncio import events, runners


def _on_sigint(self, signum, frame, main_task):
    self._interrupt_count += 1
    if self._interrupt_count == 1 and not main_task.done():
        _cancel_next(self._loop, main_task)
        return
    raise KeyboardInterrupt()


def _cancel_next(loop, task):
    ready = getattr(loop, "_ready", None)
    if isinstance(ready, collections.deque):
        ready.appendleft(events.Handle(task.cancel, (), loop))
    else:  # a loop of the program's own making (loop_factory), without asyncio's queue
        loop.call_soon_threadsafe(task.cancel)


def install():
    runners.Runner._on_sigint = _on_sigint
