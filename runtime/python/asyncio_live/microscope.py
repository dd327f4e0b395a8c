"""The loop microscope: what the event loop holds at the end of each of its turns, for a
page that steps through a run (the ``steps`` run option).

A turn is one pass of CPython's ``_run_once``: wait for I/O or the next timer, move the
due timers to the ready queue, then run every callback that was ready when the turn
began. At the end of each turn the trace gets one ``turn`` event: the callbacks the turn
ran, the ready queue the next turn will run, the timer heap, the sockets the loop
watches, and every task (the first ``MAX_TASKS``) with its state and the line of the
program it is suspended at. What a turn printed, and the tasks it created, woke and
ended, are the trace's own events between two turns.

Bounded like the rest of a run: ``MAX_TURNS`` turns are recorded (the run goes on; a
``turnLimit`` event says how many there were), and each list holds at most
``MAX_ITEMS`` entries, the rest counted.
"""

import selectors
import threading
import weakref
import functools
import heapq
import itertools
from asyncio import events, futures, tasks

from . import network, trace
from .clock import _real_perf_counter, clock

#: Turns a run records: enough to step through any lesson's program, and a bound on what
#: a program that spins for a million turns can make the page hold.
MAX_TURNS = 1_000  # protocol/limits.ts TURN_LIMITS.turns
#: Entries per list in a turn (ready callbacks, timers, sockets, callbacks run).
MAX_ITEMS = 16  # TURN_LIMITS.items
#: Tasks a turn describes: the first ones the run created.
MAX_TASKS = 24  # TURN_LIMITS.tasks
#: Real seconds the recording may take in all: the loop a program builds may hold
#: hundreds of thousands of timers, and a turn looks at the heap's head. Past it the run
#: goes on unrecorded, as past MAX_TURNS. (Its work is off the program's clock anyway.)
MAX_RECORDING_SECONDS = 3.0
#: Due timers counted for "and N more" in a turn's callbacks: past it, the count stops.
MAX_COUNTED = 10_000


class Microscope:
    def __init__(self, tracer, program):
        self._tracer = tracer
        self._program = program
        self.turns = 0
        self.recorded = 0
        self._cut_at = None
        self._spent = 0.0
        # The loop being watched: the first one a run turns in its main thread.
        self._loop = None
        # What the turn under way will run, described before it runs.
        self._plan = []
        self._planned = 0
        # The first MAX_TASKS tasks (weakly: the microscope must not keep a task alive),
        # and what the trace last said of each.
        self._tasks = {}
        self._states = {}

    # -- what the tracer tells it ------------------------------------------------------

    def created(self, task):
        name = trace.name_of(task)
        if len(self._tasks) < MAX_TASKS and name not in self._tasks:
            self._tasks[name] = weakref.ref(task)
            self._states[name] = {"state": "ready", "on": None}

    def saw(self, event):
        """A trace event: keeps the state of the tasks it describes."""
        state = self._states.get(event.get("task"))
        if state is None:
            return
        kind = event["type"]
        if kind == "step":
            state.update(state="running", on=None)
        elif kind == "wait":
            state.update(state="ready" if event["on"]["kind"] == "yield" else "waiting", on=event["on"])
        elif kind == "done":
            ended = "cancelled" if event.get("cancelled") else "failed" if "exception" in event else "done"
            state.update(state=ended, on=None)

    # -- what the loop tells it ----------------------------------------------------------

    def watches(self, loop):
        if self._loop is None and threading.current_thread() is threading.main_thread():
            self._loop = weakref.ref(loop)
        return self._loop is not None and self._loop() is loop

    def before_turn(self, loop):
        """The loop starts a turn: the first turn of the run is preceded by the state it
        starts from (turn 0: nothing has run yet)."""
        if self.turns == 0:
            self._off_the_clock(self._record, loop, [], 0)

    def planned(self, loop):
        """The turn has its I/O events: what it will run is the ready queue now, then the
        timers that are due (CPython's ``_run_once`` moves them next, earliest first)."""
        if self._recording():
            self._off_the_clock(self._plan_turn, loop)

    def after_turn(self, loop):
        ran, self._plan = self._plan, []
        self._off_the_clock(self._record, loop, ran, self._planned)
        self._planned = 0

    def finish(self):
        """The run is over: say how many turns there were, when some were left out."""
        if self.recorded < self.turns:
            return {"type": "turnLimit", "t": self._cut_at, "shown": self.recorded, "total": self.turns}
        return None

    def _recording(self):
        return self.turns <= MAX_TURNS and self._spent < MAX_RECORDING_SECONDS and not self._tracer.full

    def _off_the_clock(self, work, *args):
        """The microscope's work is the runtime's, not the program's: the clock stands
        still meanwhile (a program timing itself reads the same with Step as with Run)."""
        clock.pause()
        started = _real_perf_counter()
        try:
            work(*args)
        finally:
            self._spent += _real_perf_counter() - started
            clock.resume()

    def _plan_turn(self, loop):
        end = loop.time() + loop._clock_resolution
        ready = list(itertools.islice((h for h in loop._ready if not h._cancelled), MAX_ITEMS))
        due = [t for t in _earliest(loop._scheduled, MAX_ITEMS) if t._when < end]
        due_total = len(due) if len(due) < MAX_ITEMS else _count_due(loop._scheduled, end)
        self._planned = len(loop._ready) + due_total
        sleeps = self._sleep_waiters(loop)
        self._plan = [self._callback(h, sleeps) for h in (ready + due)[:MAX_ITEMS]]

    # -- one turn ----------------------------------------------------------------------

    def _record(self, loop, ran, ran_total):
        number = self.turns
        recording = self._recording()
        self.turns += 1
        if not recording:
            if self._cut_at is None:
                self._cut_at = self._tracer.now()
            return
        self.recorded += 1
        sleeps = self._sleep_waiters(loop)
        ready = list(itertools.islice((h for h in loop._ready if not h._cancelled), MAX_ITEMS))
        timers = _earliest(loop._scheduled, MAX_ITEMS)
        pending = len(loop._scheduled) - loop._timer_cancelled_count
        watched = list(itertools.islice(loop._selector.get_map().values(), MAX_ITEMS))
        watching = len(loop._selector.get_map())
        queued = {h._callback.__self__ for h in ready if isinstance(getattr(h._callback, "__self__", None), tasks.Task)}
        described = [self._task(name, ref, queued) for name, ref in self._tasks.items()]
        self._tracer.emit_turn({
            "type": "turn",
            "n": number,
            "t": self._tracer.now(),
            "ran": ran,
            "ready": [self._callback(h, sleeps) for h in ready],
            "timers": [dict(self._callback(t, sleeps), at=trace.loop_seconds(t._when)) for t in timers],
            "io": [self._watched(key) for key in watched],
            "tasks": described,
            "more": {
                "ran": max(0, ran_total - len(ran)),
                "ready": max(0, len(loop._ready) - len(ready)),
                "timers": max(0, pending - len(timers)),
                "io": max(0, watching - len(watched)),
                "tasks": max(0, self._tracer.tasks_created - len(self._tasks)),
            },
        })

    def _sleep_waiters(self, loop):
        """The task each pending future is awaited by, for the timers that wake them."""
        waiting = {}
        for ref in self._tasks.values():
            task = ref()
            if task is not None and not task.done() and task._fut_waiter is not None:
                waiting[id(task._fut_waiter)] = task
        return waiting

    def _callback(self, handle, waiters):
        """A callback of the ready queue or the timer heap, in the reader's terms: a task's
        step or wake-up, the end of a task's sleep, or a named function."""
        callback = handle._callback
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, tasks.Task) and self._tracer.is_internal(owner):
            # asyncio's own housekeeping (asyncio.run's clean-up, a server's accept): named
            # by what it does, as the timeline leaves these tasks out.
            return {"kind": "callback", "task": None, "name": trace.cut_label(owner.get_coro().__qualname__)}
        if isinstance(owner, tasks.Task):
            # A step, or a wake-up (the future it awaited is done): both run the task on.
            if getattr(callback, "__name__", "") == "task_wakeup":
                return {"kind": "wake", "task": trace.name_of(owner), "name": "Task.task_wakeup"}
            return {"kind": "step", "task": trace.name_of(owner), "name": "Task.__step"}
        if callback is futures._set_result_unless_cancelled and handle._args:
            # Sets a future's result: the end of a sleep when a timer does it.
            task = waiters.get(id(handle._args[0]))
            task = None if task is None else trace.name_of(task)
            if isinstance(handle, events.TimerHandle):
                return {"kind": "sleep", "task": task, "name": "sleep"}
            return {"kind": "callback", "task": task, "name": "Future.set_result"}
        # A timeout's deadline, a server's accept, a transport's read: named, with the task
        # it serves when it has one (``Timeout._task``).
        served = getattr(owner, "_task", None)
        task = trace.name_of(served) if isinstance(served, tasks.Task) else None
        return {"kind": "callback", "task": task, "name": _qualname(callback)}

    def _watched(self, key):
        """A socket the loop's selector watches, and for what."""
        sock = network.network.sockets.get(key.fd)
        events = []
        if key.events & selectors.EVENT_READ:
            events.append("read")
        if key.events & selectors.EVENT_WRITE:
            events.append("write")
        reader, writer = key.data if isinstance(key.data, tuple) and len(key.data) == 2 else (None, None)
        handles = [h for h in (reader, writer) if h is not None]
        return {
            "fd": key.fd,
            "events": "+".join(events),
            "socket": _socket_name(sock),
            "callback": ", ".join(_qualname(h._callback) for h in handles),
        }

    def _task(self, name, ref, queued):
        task = ref()
        state = self._states[name]
        line = None
        if task is not None and not task.done():
            line = _suspended_at(task.get_coro(), self._program)
        described = state["state"]
        if task is not None and task in queued and described in ("waiting", "ready"):
            described = "ready"
        return {"task": name, "state": described, "on": state["on"] if described == "waiting" else None, "line": line}


def _qualname(callback):
    if isinstance(callback, functools.partial):
        return trace.cut_label(f"partial({_qualname(callback.func)})")
    name = getattr(callback, "__qualname__", None) or type(callback).__qualname__
    return trace.cut_label(name)


def _socket_name(sock):
    """``listening on 127.0.0.1:8888``, ``127.0.0.1:50000 → 127.0.0.1:8888``, or the
    socket's kind when it has no address yet."""
    if sock is None:
        return "a pipe"
    try:
        local = sock.getsockname()
        peer = sock._peer_address
    except Exception:  # noqa: BLE001 - a closed socket still has a name to show
        return "a socket"

    def show(address):
        return f"{address[0]}:{address[1]}" if isinstance(address, tuple) and len(address) >= 2 else str(address)
    if getattr(sock, "_state", None) == "listening":
        return f"listening on {show(local)}"
    if peer:
        return f"{show(local)} → {show(peer)}"
    return show(local) if local else "a socket"


def _suspended_at(coro, program):
    """The line of the program where a task's coroutine chain is suspended: the innermost
    frame of the program's own file (a task waiting in ``asyncio.sleep`` is at the
    program's line that awaits it)."""
    line = None
    for link in trace.await_chain(coro):
        frame = getattr(link, "cr_frame", None) or getattr(link, "ag_frame", None)
        if frame is None:
            break
        if getattr(frame, "f_code", None) is not None and frame.f_code.co_filename == program:
            line = frame.f_lineno
    return line


def _earliest(heap, count):
    """The ``count`` earliest timers of the loop's heap that are not cancelled, in order,
    found from the heap's root (a timer is never earlier than its parent): a few dozen
    looks, however many timers the heap holds."""
    found = []
    frontier = [(heap[0], 0)] if heap else []
    while frontier and len(found) < count:
        timer, at = heapq.heappop(frontier)
        if not timer._cancelled:
            found.append(timer)
        for child in (2 * at + 1, 2 * at + 2):
            if child < len(heap):
                heapq.heappush(frontier, (heap[child], child))
    return found


def _count_due(heap, end):
    """How many timers of the heap are due before ``end`` (not cancelled), up to
    ``MAX_COUNTED``: only the due part of the heap is visited."""
    count = 0
    stack = [0] if heap else []
    while stack and count < MAX_COUNTED:
        at = stack.pop()
        timer = heap[at]
        if timer._when >= end:
            continue
        if not timer._cancelled:
            count += 1
        stack.extend(child for child in (2 * at + 1, 2 * at + 2) if child < len(heap))
    return count
