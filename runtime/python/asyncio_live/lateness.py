"""How late a callback runs, in wakes: what decides, in CPython, between timers that
the virtual clock makes due at exactly the same time.

In CPython a loop that sleeps until a timer wakes a little late (``select`` waits whole
milliseconds, rounded up), and everything that callback schedules next reads that late
"now". Lateness adds up along a chain: a task that has slept three times has drifted
further than one that slept once, so of two sleeps that end at the same moment on paper,
the one with fewer wakes behind it ends first. Two workers on a queue, one through jobs
of 1 + 1 + 2 s and one through 3 + 1 s, both finish at 4 s on paper; CPython finishes
the second one first, run after run.

So every callback carries ``_drift``, the wakes behind it: a timer's callback runs one
wake later than the code that set the timer, and what it schedules inherits that.
``loop.TimerHandle`` breaks a tie of "now + delay" deadlines by drift, then by the order
the timers were set.
"""

from asyncio import events


class Handle(events.Handle):
    """A callback that carries the drift of the code that scheduled it."""

    __slots__ = ("_drift",)

    def _run(self):
        self._loop._drift = self._drift
        super()._run()
        # As Handle._run does: a failed task's traceback can keep this frame alive, and
        # it must not keep the handle (and its task) alive with it, or a forgotten task's
        # "Task exception was never retrieved" would come late.
        self = None  # noqa: F841
