"""An asyncio event loop on the virtual clock.

It subclasses CPython's selector loop, so its own ``_run_once``, ``run_forever``,
``run_until_complete``, transports and servers run unchanged. Only two things differ:
``time()`` reads the virtual clock, and the selector is the virtual network's
(network.py): instead of waiting for I/O, it moves the clock to the next timer or the
next arrival of data, whichever comes first.
"""

import asyncio
import heapq
import inspect
import itertools
import signal
import socket
import sys
import threading
import types
import weakref
import _threading_local
from asyncio import coroutines, events, selector_events

from . import lateness, network, stuck, trace
from .clock import clock

#: The name the reader's program has in tracebacks and warnings (runner.py runs it so),
#: as if run as ``python main.py``.
PROGRAM = "main.py"


class _Stuck(RuntimeError):
    """A program that would never end. Raised by the loop, it points at the program's
    line where a task waits (stuck.py), not at ``asyncio.run``."""

    def __init__(self, message):
        super().__init__(message)
        self.line, self.where = stuck.where_tasks_wait(PROGRAM)
        if self.line is None:
            # No task waits (threads blocked outside any loop): the program's innermost
            # line on the stack that raises this.
            frame = sys._getframe(1)
            while frame is not None and frame.f_code.co_filename != PROGRAM:
                frame = frame.f_back
            self.line = frame.f_lineno if frame is not None else None


class WaitsForever(_Stuck):
    """No task can ever run again: a real program would hang here."""


class NoProgress(_Stuck):
    """The loop keeps turning but no task ever waits for time to pass: a program that
    would spin forever."""


#: Turns of the loop in a row without its clock jumping ahead to a timer, before a run
#: is stopped as a spin. A turn costs microseconds: this is seconds of spinning, far
#: more than any lesson's program takes between two waits.
MAX_TURNS_WITHOUT_PROGRESS = 1_000_000


_WAITS_FOREVER = (
    "this program is waiting for something that can never happen: every task "
    "is waiting, and no timer is set to wake any of them. In a real Python "
    "process it would hang here forever. Look for a future nobody sets, an "
    "Event nobody sets, a queue nobody puts into, or a lock that is never released."
)


_WAITS_ON_A_CONNECTION = (
    " A connection is open, and nothing more will arrive on it: a task may be reading "
    "from a peer that is itself waiting (both reading, or a reply nobody sends), or "
    "for an end that never comes (the other side never closes or calls write_eof)."
)


_WAITS_ON_A_SERVER = (
    "this program is waiting for something that can never happen: every task is "
    "waiting, and a server waits for connections that nothing in this program will "
    "make (on this page the network is inside the program). A real server would wait "
    "here forever, until it is stopped. To try a server, connect to it from a task of "
    "the same program, and close it when that task is done."
)


_WAITS_ON_A_CHILD = (
    " A child process is waiting too: one that writes more than its pipe holds (64 KiB) "
    "waits until its parent reads, while a parent that waits for it to end before reading "
    "waits forever (read with communicate(), or read before wait())."
)


def _nothing_to_wait_for(listening, connected):
    """Every task waits, no timer will ever fire and nothing is on its way over the
    network."""
    from . import processes

    if listening and not connected:
        raise WaitsForever(_WAITS_ON_A_SERVER)
    child = _WAITS_ON_A_CHILD if processes._children else ""
    raise WaitsForever(_WAITS_FOREVER + (_WAITS_ON_A_CONNECTION if connected and not child else "") + child)


#: The VirtualLoops running now (one per thread that runs one).
running_loops = weakref.WeakSet()


class TimerHandle(events.TimerHandle):
    """A timer whose deadline, when it ties with another, is decided as in CPython.

    A deadline computed as "now + delay" (``call_later``, ``sleep``, ``timeout``) is
    later, in CPython, than one computed a moment before: real time moves between the
    two calls. On the virtual clock both are exact and equal, so such timers run first
    by the late wakes behind them (lateness.py), then in the order they were scheduled
    (both in ``_order``). Deadlines a program gives itself
    (``loop.call_at(when, ...)`` in its own code) tie in CPython too, and then run in
    the order its heap happens to give them; so do they here (no ``_order``), before
    any "now + delay" deadline equal to theirs.
    """

    # ``_order``: None for the program's own deadline; else the drift the timer was set
    # at (lateness.py), then the order it was set in, as one int (``drift << 32 |
    # order``): a slot more would show in what a program measures of its tasks' memory.
    __slots__ = ("_order",)

    def __lt__(self, other):
        if self._when != other._when:
            return self._when < other._when
        mine, theirs = self._order, getattr(other, "_order", None)
        if mine is None:
            # The program's own deadline came from a "now" read before: in CPython it is
            # never later than a "now + delay" that ties with it.
            return theirs is not None
        # Of two "now + delay" deadlines, the one read after fewer late wakes is the
        # earlier in CPython (lateness.py); at equal drift, the one set first.
        return theirs is not None and mine < theirs

    def _run(self):
        # Woken by the clock: CPython's loop wakes a little late, and what this callback
        # schedules reads that later "now".
        # (The program's own timer does not record its drift: count from the present.)
        set_at = self._loop._drift if self._order is None else self._order >> 32
        self._loop._drift = set_at + 1
        super()._run()
        self = None  # noqa: F841 - as lateness.Handle._run


class VirtualLoop(selector_events.BaseSelectorEventLoop):
    """The event loop of every run."""

    _timer_order = itertools.count()

    def __init__(self):
        super().__init__(network.VirtualSelector(_nothing_to_wait_for, self._next_deadline))
        # Wakes behind the code running now (lateness.py).
        self._drift = 0
        # add_signal_handler's handles, by signal (as CPython's Unix loop keeps them).
        self._signal_handlers = {}
        self._still_turns = 0
        self._still_since = clock.skipped

    # Another thread wakes this loop (call_soon_threadsafe) through the scheduler, not
    # through a self-pipe: its selector is told (threads.py).
    def _make_self_pipe(self):
        pass

    def _close_self_pipe(self):
        pass

    def _write_to_self(self):
        self._selector.wake()

    def time(self):
        return clock.monotonic()

    # Which loops are running, for ``python -m asyncio ps`` (processes.py).
    def _run_forever_setup(self):
        super()._run_forever_setup()
        running_loops.add(self)

    def _run_forever_cleanup(self):
        running_loops.discard(self)
        super()._run_forever_cleanup()

    # Signals, as CPython's Unix loop takes them (unix_events.py), told directly by the
    # handler rather than through a self-pipe (signals.py delivers in the main thread).
    def add_signal_handler(self, sig, callback, *args):
        if coroutines.iscoroutine(callback) or coroutines._iscoroutinefunction(callback):
            raise TypeError("coroutines cannot be used with add_signal_handler()")
        self._check_signal(sig)
        self._check_closed()
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("set_wakeup_fd only works in main thread of the main interpreter")
        self._signal_handlers[sig] = events.Handle(callback, args, self, None)
        signal.signal(sig, _SignalToLoop(self))

    def _handle_signal(self, sig):
        handle = self._signal_handlers.get(sig)
        if handle is None:
            return
        if handle._cancelled:
            self.remove_signal_handler(sig)
        else:
            self._add_callback_signalsafe(handle)

    def remove_signal_handler(self, sig):
        self._check_signal(sig)
        try:
            del self._signal_handlers[sig]
        except KeyError:
            return False
        signal.signal(sig, signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL)
        return True

    def _check_signal(self, sig):
        if not isinstance(sig, int):
            raise TypeError(f"sig must be an int, not {sig!r}")
        if sig not in signal.valid_signals():
            raise ValueError(f"invalid signal number {sig}")

    def close(self):
        super().close()
        if not sys.is_finalizing():
            for sig in list(self._signal_handlers):
                self.remove_signal_handler(sig)

    def _next_deadline(self):
        """When the earliest timer is due (None: no timer). Cancelled timers at the head
        of the heap are already gone: the turn that asks has just dropped them."""
        return self._scheduled[0]._when if self._scheduled else None

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        # Answered at once, from the virtual network's names. CPython asks a thread of
        # the default executor (DNS can keep it waiting); here a lookup never waits, and
        # a thread would retire the page's worker after the run (runner.py).
        return socket.getaddrinfo(host, port, family, type, proto, flags)

    # Child processes (processes.py): their pipes are sockets of the virtual network.
    async def _make_subprocess_transport(self, protocol, args, shell, stdin, stdout, stderr, bufsize,
                                         extra=None, **kwargs):
        from . import processes

        waiter = self.create_future()
        transport = processes.SubprocessTransport(self, protocol, args, shell, stdin, stdout, stderr, bufsize,
                                                  waiter=waiter, extra=extra, **kwargs)
        try:
            await waiter
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException:
            transport.close()
            await transport._wait()
            raise
        return transport

    def _make_read_pipe_transport(self, pipe, protocol, waiter=None, extra=None):
        return network.BoundedSocketTransport(self, pipe, protocol, waiter, extra)

    def _make_write_pipe_transport(self, pipe, protocol, waiter=None, extra=None):
        return network.WritePipeTransport(self, pipe, protocol, waiter, extra)

    def _make_socket_transport(self, sock, protocol, waiter=None, *, extra=None, server=None):
        # CPython's transport, with a bound on its write buffer (network.py).
        self._ensure_fd_no_transport(sock)
        return network.BoundedSocketTransport(self, sock, protocol, waiter, extra, server)

    def _run_once(self):
        scope = _microscope(self)
        if scope is not None:
            scope.before_turn(self)
            super()._run_once()
            scope.after_turn(self)
        else:
            super()._run_once()
        if clock.skipped != self._still_since:
            self._still_since = clock.skipped
            self._still_turns = 0
            return
        self._still_turns += 1
        if self._still_turns > MAX_TURNS_WITHOUT_PROGRESS:
            self._still_turns = 0
            raise NoProgress(
                f"the event loop went round {MAX_TURNS_WITHOUT_PROGRESS:,} times in a row and no "
                "task waited for time to pass (a sleep, a timeout): the tasks keep handing "
                "control to each other (an `await asyncio.sleep(0)` in an endless loop?), so "
                "the program would never end. Give the loop an end condition."
            )

    def _process_events(self, event_list):
        super()._process_events(event_list)
        scope = _microscope(self)
        if scope is not None:
            scope.planned(self)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = TimerHandle(when, callback, args, self, context)
        # Called by the program itself (not by asyncio or the runtime): its own deadline.
        if sys._getframe(1).f_code.co_filename == PROGRAM:
            timer._order = None
        else:
            timer._order = self._drift << 32 | next(self._timer_order)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        if trace.current is not None and trace.is_sleep_timer(callback):
            trace.current.sleep_until(args[0], when)
        return timer

    def _call_soon(self, callback, args, context):
        if type(callback) is _Probe.step_type:
            # A task's step: the first is scheduled as the task is made, even by
            # ``asyncio.Task(...)`` called directly, which never passes create_task.
            task_numbers.step(callback.__self__)
        handle = (lateness.Handle if trace.current is None else trace.TracedHandle)(callback, args, self, context)
        handle._drift = self._drift
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)
        return handle

    def create_task(self, coro, **kwargs):
        # The C Task numbers ``Task-N`` across the whole interpreter; number them per
        # run instead, so names match what a fresh CPython process prints. A task made
        # otherwise (``asyncio.Task()`` called directly, or by a two-argument task
        # factory, which takes no name) is renumbered at its first step (_TaskNumbers).
        # The name goes in here where it can, because an eager task runs its first
        # step, which may print its name, before anything is scheduled.
        if kwargs.get("name") is None and _takes_name(self._task_factory):
            kwargs["name"] = task_numbers.give()
        task = super().create_task(coro, **kwargs)
        if trace.current is not None:
            trace.current.created(task)
        return task


def _microscope(loop):
    """The microscope watching ``loop``, when the run steps (microscope.py)."""
    tracer = trace.current
    if tracer is None or tracer.microscope is None or not tracer.microscope.watches(loop):
        return None
    return tracer.microscope


class _SignalToLoop:
    """The handler ``add_signal_handler`` installs: the loop runs the callback next turn."""

    __slots__ = ("_loop",)

    def __init__(self, loop):
        self._loop = weakref.ref(loop)

    def __call__(self, signum, frame):
        loop = self._loop()
        if loop is not None and not loop.is_closed():
            loop._handle_signal(signum)


def _named_as_in_asyncio(cls):
    """Give each public method ``cls`` overrides the name asyncio's own has, so that an
    error about its arguments names ``BaseEventLoop.run_in_executor()``, as in CPython,
    not this runtime's class."""
    for name, method in list(vars(cls).items()):
        if name.startswith("_") or not isinstance(method, types.FunctionType):
            continue
        original = next((vars(base)[name] for base in cls.__mro__[1:] if name in vars(base)), None)
        if isinstance(original, types.FunctionType):
            method.__qualname__ = original.__qualname__
            method.__code__ = method.__code__.replace(co_qualname=original.__qualname__)


_named_as_in_asyncio(VirtualLoop)


def _takes_name(factory):
    """Whether create_task can give a task its name through ``factory``: the default
    one, or a factory that accepts ``name`` (``asyncio.eager_task_factory`` does)."""
    if factory is None:
        return True
    try:
        parameters = inspect.signature(factory).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "name" or p.kind is p.VAR_KEYWORD for p in parameters)


class _TaskNumbers:
    """``Task-1``, ``Task-2``, ...: one sequence per run, as in a fresh CPython process.

    The C Task's own counter runs across the whole interpreter, and no Python code can
    reset it. create_task names its tasks from this sequence; a task the C counter
    named (``asyncio.Task()`` called directly) is recognised at its first step by a
    number above where the C counter stood when the run began, and takes this
    sequence's next number instead, so that it keeps its place among the others.
    """

    def __init__(self):
        self.reset()

    def reset(self):
        self._counter = itertools.count(1)
        self._given = None
        self._c_counter_at_start = _c_task_counter()

    def give(self):
        """The next name, for create_task to pass on: the task keeps this very string."""
        self._given = f"Task-{next(self._counter)}"
        return self._given

    def step(self, task):
        """A task's step is scheduled: at its first (its coroutine not yet started),
        give it the run's number if the C counter named it. (This runs for every step
        of every task, and keeps nothing per task: a program measures its tasks' memory.)
        """
        # Not ``cr_frame``: reading it makes a frame object that the coroutine then keeps.
        if getattr(task.get_coro(), "cr_suspended", True):
            return
        name = task.get_name()
        number = name.removeprefix("Task-")
        if name is not self._given and number.isdigit() and int(number) > self._c_counter_at_start:
            task.set_name(self.give())


class _Probe:
    """Just enough of a loop for a task that never runs. What it is asked to schedule
    shows the type of a task's step (``TaskStepMethWrapper``, which asyncio does not
    export)."""

    step_type = None

    def get_debug(self):
        return False

    def call_soon(self, callback, *args, context=None):
        _Probe.step_type = type(callback)


async def _nothing():
    pass


def _c_task_counter():
    """The number the C Task gave the last task it named: a task made here and dropped
    at once, its coroutine closed unrun, says it (costs microseconds)."""
    coro = _nothing()
    task = asyncio.Task(coro, loop=_Probe())
    task._log_destroy_pending = False
    coro.close()
    number = int(task.get_name().removeprefix("Task-"))
    del task
    return number


task_numbers = _TaskNumbers()


class VirtualLoopPolicy(events._BaseDefaultEventLoopPolicy):
    """Makes ``new_event_loop``, ``asyncio.run`` and ``asyncio.Runner`` build a VirtualLoop."""

    _loop_factory = VirtualLoop

    def __init__(self):
        super().__init__()
        # asyncio's per-thread "current loop" is a C thread-local, and every thread here
        # shares the one OS thread: this one tells the program's threads apart.
        self._local = _PerThread()


class _PerThread(_threading_local.local):
    _loop = None
    _set_called = False


def install_policy():
    """Route every new event loop to VirtualLoop, with no deprecation warning.

    The policy system is deprecated in 3.14; the private setter is the one hook that
    covers ``new_event_loop``, ``asyncio.run`` and ``Runner`` without warning. If a
    later Python drops it, fall back to the public (warning) setter.
    """
    setter = getattr(events, "_set_event_loop_policy", None)
    if setter is None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            asyncio.set_event_loop_policy(VirtualLoopPolicy())
    else:
        setter(VirtualLoopPolicy())
