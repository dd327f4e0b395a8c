"""How a Stop reaches a program inside ``asyncio.run``.

The page stops a run by raising SIGINT in Python (Stop, or a run's time limit), and
writes it again every 50 ms until the run ends. ``asyncio.Runner`` turns the first
SIGINT into ``main_task.cancel()`` inside the signal handler, which runs between any two
bytecodes, even halfway through one of asyncio's own callbacks. Between the check and the
set of ``futures._set_result_unless_cancelled`` (the timer that ends every sleep), that
cancel makes the set fail, and the loop prints "Exception in callback ...
InvalidStateError: invalid state" (CPython 3.13 does the same, rarely, on Ctrl+C; the
page's stops hit it often enough to show a reader a traceback that is not theirs).

Here the first SIGINT asks the loop to cancel the main task at its next turn, where no
callback is halfway. A second SIGINT raises KeyboardInterrupt at once, as in CPython, so
a program that computes and never awaits is still stopped."""

from asyncio import runners


def _on_sigint(self, signum, frame, main_task):
    self._interrupt_count += 1
    if self._interrupt_count == 1 and not main_task.done():
        self._loop.call_soon_threadsafe(main_task.cancel)
        return
    raise KeyboardInterrupt()


def install():
    runners.Runner._on_sigint = _on_sigint
