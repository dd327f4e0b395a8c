"""A trace of one run, for the timeline: which task ran when, what it then waited on,
and who printed what at which loop time.

Every step of a task (and every wake-up) is a callback on the loop whose ``__self__``
is the Task, the C Task included; the loop runs it through a traced handle. After a
step, ``task.done()`` and ``task._fut_waiter`` tell what the task waits on.
"""

import asyncio
import json
import math
import weakref
from asyncio import events, futures, tasks

from . import lateness, network
from .clock import clock

# Coroutines that asyncio starts for its own housekeeping (at the end of asyncio.run,
# to look up a server's addresses, and to set up each connection a server accepts):
# noise on a timeline.
_INTERNAL = (
    "BaseEventLoop.shutdown_asyncgens",
    "BaseEventLoop.shutdown_default_executor",
    "BaseSelectorEventLoop._accept_connection2",
    "BaseEventLoop._create_server_getaddrinfo",
)


def _cut(text, limit):
    return text if len(text) <= limit else text[: limit - 3] + "..."


def cut_label(text):
    """A name as the trace carries it: cut to ``LABEL_LIMIT``."""
    return _cut(text, LABEL_LIMIT)


def _short(value, limit=60):
    return _cut(repr(value), limit)


#: The longest task name or coroutine label the trace carries (protocol.ts's
#: TEXT_LIMITS.label): a program may name 2,000 tasks with 100 KB each.
LABEL_LIMIT = 200


def name_of(task):
    """A task's name, as the trace shows it: cut to ``LABEL_LIMIT``."""
    return _cut(task.get_name(), LABEL_LIMIT)


def _argument(value):
    """An argument as a task's label shows it: short, and telling tasks apart.
    ``<Semaphore>`` rather than ``<asyncio.locks.Semaphore object at 0x1c3e8 [unlocked]>``
    (an address tells a reader nothing), and floats to six digits."""
    if isinstance(value, float):
        return f"{value:.6g}"
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - the reader's __repr__ failing must not fail the run
        return f"<{type(value).__name__}>"
    if text.startswith("<") and " at 0x" in text:
        return f"<{type(value).__name__}>"
    return _cut(text, 20)


#: Tasks per run whose lane label shows their arguments. Reading them materializes the
#: coroutine's frame object (about 100 bytes, kept while the task lives): fine for the
#: first tasks, whose lanes a reader tells apart, but not for ten thousand, which the
#: timeline groups by name anyway, and whose programs may be measuring their memory.
LABELS_WITH_ARGUMENTS = 100


def coroutine_label(coro, with_arguments=True):
    """``square(1)``: the coroutine's name and the arguments it was called with
    (``square()`` without ``with_arguments``)."""
    code = getattr(coro, "cr_code", None)
    if code is None:
        return _short(coro)
    name = code.co_qualname
    frame = getattr(coro, "cr_frame", None) if with_arguments else None
    if frame is None:
        return f"{name}()"
    names = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    args = ", ".join(_argument(frame.f_locals[n]) for n in names if n in frame.f_locals)
    return f"{name}({args})"


#: The longest await chain followed: a program's own coroutine class may make its
#: ``cr_await`` a cycle (itself), or a chain without end.
MAX_AWAIT_CHAIN = 100


def await_chain(coro):
    """The coroutines of a task's await chain, outermost first (coroutines and async
    generators), at most ``MAX_AWAIT_CHAIN`` and each once."""
    chain = []
    seen = set()
    while coro is not None and len(chain) < MAX_AWAIT_CHAIN and id(coro) not in seen:
        if not (hasattr(coro, "cr_code") or hasattr(coro, "ag_code")):
            break
        seen.add(id(coro))
        chain.append(coro)
        coro = getattr(coro, "cr_await", None) if hasattr(coro, "cr_code") else getattr(coro, "ag_await", None)
    return chain


def _innermost_coroutine(coro):
    """The coroutine at the end of the await chain, if the chain has more than one."""
    chain = [c for c in await_chain(coro) if hasattr(c, "cr_code")]
    return chain[-1] if len(chain) > 1 and chain[-1].cr_frame is not None else None


def _innermost_await(coro):
    """The qualified name of the innermost coroutine in the await chain (``Queue.get``),
    or None when the task's own coroutine awaits the future directly."""
    names = [c.cr_code.co_qualname for c in await_chain(coro) if hasattr(c, "cr_code")]
    return names[-1] if len(names) > 1 else None


def loop_seconds(when):
    """A loop deadline (``loop.time()`` terms) as seconds from the run's start, or None
    for one that never comes (infinity, or NaN): JSON has no such numbers."""
    if not math.isfinite(when):
        return None
    return round(when - clock.monotonic() + clock.elapsed(), 6)


#: Events a run's trace keeps: a timeline of more tells nobody anything, and a program
#: that spins on ``sleep(0)`` makes thousands a second. Past it, events are counted only.
MAX_EVENTS = 10_000

#: Events per message to the page: one message per event flooded the page's main thread.
BATCH = 500


class Tracer:
    """Collects trace events and hands them to ``emit`` in batches, as a JSON array
    (JSON keeps ``None`` as null on the JavaScript side, and no proxy outlives the
    call). Keeps at most ``MAX_EVENTS``; ``finish`` sends the rest and, when events
    were left out, a ``limit`` event saying how many there were."""

    def __init__(self, emit, max_events=MAX_EVENTS, steps=False):
        self._emit_batch = emit
        # The loop's state at each turn, for stepping through the run (microscope.py).
        self.microscope = None
        if steps:
            from .microscope import Microscope
            from .loop import PROGRAM

            self.microscope = Microscope(self, PROGRAM)
        self.tasks_created = 0
        self._batch = []
        self._max_events = max_events
        self.total = 0
        # Loop time of the first event left out: where the trace was cut.
        self._cut_at = None
        # Deadlines of the sleeps scheduled during the current step, by their future.
        # Kept only until the step ends (the step that sleeps is the one that waits on
        # it), so the trace holds nothing per waiting task: programs that measure their
        # own memory with tracemalloc measure the same with or without a trace.
        self._sleeps = {}
        self._internal = weakref.WeakSet()
        self._labelled = 0
        # ``print`` writes a line in pieces; the trace gets whole lines (a partial
        # line is sent when anything else happens, or at the end of the run).
        self._line = None

    @property
    def full(self):
        return self.total >= self._max_events

    def _left_out(self):
        """Counts an event past the limit (the first one marks the cut)."""
        self.total += 1
        if self._cut_at is None:
            self._cut_at = self.now()

    def _send(self, event):
        if self.full:
            self._left_out()
            return
        self.total += 1
        self._batch.append(event)
        if self.microscope is not None:
            self.microscope.saw(event)
        if len(self._batch) >= BATCH:
            self._send_batch()

    def _send_batch(self):
        if not self._batch:
            return
        batch, self._batch = self._batch, []
        # Tracing is the runtime's own work, not the program's: keep it off the clock.
        clock.pause()
        try:
            self._emit_batch(json.dumps(batch))
        finally:
            clock.resume()

    def _emit(self, event):
        self.flush()
        self._send(event)

    def flush(self):
        """Send a pending partial line of output."""
        if self._line is not None:
            line, self._line = self._line, None
            self._send(line)

    def emit_turn(self, event):
        """A turn of the loop (microscope.py), in order among the other events."""
        self._emit(event)

    def finish(self):
        """The run is over: send what is left, and say what was left out."""
        self.flush()
        if self.microscope is not None:
            cut = self.microscope.finish()
            if cut is not None:
                self._batch.append(cut)
        if self.total > self._max_events:
            self._batch.append({"type": "limit", "t": self._cut_at, "shown": self._max_events, "total": self.total})
        self._send_batch()

    def now(self):
        return round(clock.elapsed(), 6)

    def _task_name(self, task):
        return name_of(task) if task is not None else None

    def is_internal(self, task):
        return task in self._internal

    def created(self, task):
        coro = task.get_coro()
        code = getattr(coro, "cr_code", None)
        if code is not None and code.co_qualname in _INTERNAL:
            self._internal.add(task)
            return
        self._labelled += 1
        self.tasks_created += 1
        if self.microscope is not None:
            self.microscope.created(task)
        label = coroutine_label(coro, with_arguments=self._labelled <= LABELS_WITH_ARGUMENTS)
        self._emit({"type": "task", "task": name_of(task), "coro": _cut(label, LABEL_LIMIT), "t": self.now()})

    def sleep_until(self, future, when):
        self._sleeps[future] = when

    def step_start(self, task):
        if self.full:
            self._left_out()
            return
        self._emit({"type": "step", "task": name_of(task), "t": self.now()})

    def step_end(self, task):
        try:
            self._report_step_end(task)
        finally:
            self._sleeps.clear()

    def _report_step_end(self, task):
        if self.full:
            self._left_out()
            return
        t = self.now()
        name = name_of(task)
        if task.done():
            event = {"type": "done", "task": name, "t": t}
            if task.cancelled():
                event["cancelled"] = True
            # Not task.exception(): that marks the exception as retrieved, and the
            # program would lose its "Task exception was never retrieved" report.
            elif task._exception is not None:
                event["exception"] = _short(task._exception)
            else:
                event["result"] = _short(task.result())
            self._emit(event)
            return
        self._emit({"type": "wait", "task": name, "t": t, "on": self._waiting_on(task)})

    def _waiting_on(self, task):
        waiter = task._fut_waiter
        if waiter is None:
            # A bare yield (``await asyncio.sleep(0)``): ready again at once.
            return {"kind": "yield"}
        if waiter in self._sleeps:
            return {"kind": "sleep", "until": loop_seconds(self._sleeps[waiter])}
        if isinstance(waiter, tasks.Task):
            return {"kind": "task", "task": name_of(waiter)}
        if isinstance(waiter, tasks._GatheringFuture):
            # asyncio's own tasks (a server's address lookup) are not on the timeline:
            # a gather of only those is told by the coroutine that made it, below.
            children = [name_of(c) for c in waiter._children if isinstance(c, tasks.Task) and not self.is_internal(c)]
            if children:
                return {"kind": "gather", "tasks": children}
        innermost = _innermost_coroutine(task.get_coro())
        if innermost is not None:
            on_network = network.describe_wait(innermost.cr_code.co_qualname, innermost.cr_frame)
            if on_network is not None:
                return on_network
        via = _innermost_await(task.get_coro())
        return {"kind": "future", "via": None if via is None else _cut(via, LABEL_LIMIT)}

    def blocking_sleep(self, seconds):
        self._emit({"type": "block", "task": self._current(), "t": self.now(), "seconds": seconds})

    def output(self, stream, text):
        task = self._current()
        line = self._line
        if line is None or line["stream"] != stream or line["task"] != task:
            self.flush()
            line = self._line = {"type": "output", "stream": stream, "task": task, "t": self.now(), "text": ""}
        while text:
            head, newline, text = text.partition("\n")
            line["text"] += head + newline
            if newline:
                self._line = None
                self._send(line)
                line = self._line = {"type": "output", "stream": stream, "task": task, "t": self.now(), "text": ""}
        if not line["text"]:
            self._line = None

    def _current(self):
        if events._get_running_loop() is None:
            return None
        task = asyncio.current_task()
        if task is None or self.is_internal(task):
            return None
        return name_of(task)


class TracedHandle(lateness.Handle):
    """A loop callback that, when it is a step of a task, reports the step's start and end."""

    __slots__ = ()

    def _run(self):
        tracer = current
        task = getattr(self._callback, "__self__", None)
        if tracer is None or not isinstance(task, tasks.Task) or tracer.is_internal(task):
            super()._run()
        else:
            tracer.step_start(task)
            try:
                super()._run()
            finally:
                tracer.step_end(task)
        # As Handle._run does: a failed task's traceback can keep this frame alive, so
        # it must not hold the handle or the task, or a forgotten task would outlive its
        # step and its "Task exception was never retrieved" would come late.
        self = task = None  # noqa: F841


#: The tracer of the run in progress, or None when the run is not traced.
current = None


def is_sleep_timer(callback):
    return callback is futures._set_result_unless_cancelled
