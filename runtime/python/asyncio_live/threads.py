"""Threads on the virtual clock.

Pyodide's Python has one OS thread. A program's threads here are cooperative: each runs
on a stack of its own (WebAssembly's JavaScript Promise Integration, through Pyodide's
``run_sync``: a stack that waits is set aside whole, frames and all, and another one
resumed), and exactly one runs at a time, as under the GIL. A thread gives way only where
CPython would let others run because it blocks: ``time.sleep``, a lock, an event, a
condition, a queue, ``Future.result()``, ``join``, an event loop waiting in ``select``.
When every thread waits, the clock jumps to the earliest one due, as the loop's
selector does for timers; so a thread that sleeps 0.2 s three times wakes at 0.2, 0.4
and 0.6 while the loop's tasks run in between.

What differs from CPython: a thread that computes and never blocks is never preempted
(CPython switches every 5 ms), so a busy loop in a thread holds every other thread and
the loop until it blocks or the run is stopped.

Everything a run starts ends with it: at the program's end its non-daemon threads are
joined (as the interpreter does), then the ones still alive are unwound (``ThreadKilled``
raised where they wait, their output dropped), so none reaches the next run.
"""

import asyncio
import collections
import heapq
import itertools
import sys
from asyncio import events

from .clock import clock

try:  # the browser's and Node's Pyodide; absent in a plain CPython (the runtime's own lint)
    from pyodide.ffi import can_run_sync, run_sync
except ImportError:  # pragma: no cover
    can_run_sync = run_sync = None

#: ``start(bootstrap, ident)``: calls ``bootstrap(ident)`` on a new stack. Given by the
#: worker to each run (runtime/worker/stacks.ts), and put back to None after it. Runner
#: state (fresh.py leaves it alone): the program's exit handlers and an exercise's check
#: start threads too; each run sets it anew before its program starts.
_start_stack = None


def on_main_resumed():
    """Called in the main thread each time it goes on after waiting (signals.py sets it)."""


class _Switchboard:
    """Just enough of an event loop for the futures a stack waits on to be resumed.
    ``run_sync`` suspends a stack until a future is done; setting its result calls the
    future's callbacks at once (here, Pyodide's, which resolves the promise the stack
    waits on), so the stack goes on at the next microtask. (Pyodide's own loop would
    run them from a JavaScript timer, and so run Python between two stacks.)"""

    def get_debug(self):
        return False

    def call_soon(self, callback, *args, context=None):
        if context is None:
            callback(*args)
        else:
            context.run(callback, *args)


_switchboard = _Switchboard()


class ThreadKilled(BaseException):
    """Raised where a thread waits when the run it belongs to has ended."""


class Deadlock(Exception):
    """Every thread waits for another and no timer will wake any of them."""


_DEADLOCK = (
    "this program is waiting for something that can never happen: every thread is "
    "waiting (for a lock, an event, a condition, a queue or another thread to end), and "
    "no timer is set to wake any of them: a deadlock. In a real Python process it would "
    "hang here forever. Look for two threads that each hold a lock the other wants, a "
    "lock acquired twice, or an event nobody sets."
)

#: How many times a killed thread may catch ThreadKilled and wait again before it is
#: abandoned (a program that swallows every exception in a loop would never end).
_KILLS_BEFORE_ABANDONING = 100

#: The idents a program's threads get (CPython's are pthread addresses, as large as these).
_IDENT_BASE = 0x7F00_0000_1000
_IDENT_STEP = 0x80_0000


class VirtualThread:
    """One thread's stack and what it waits for."""

    __slots__ = ("ident", "function", "handle", "daemon", "started", "done", "waker",
                 "due", "woken", "killed", "kills", "error", "process")

    def __init__(self, ident, function=None, handle=None, daemon=True):
        self.ident = ident
        self.function = function
        self.handle = handle
        self.daemon = daemon
        self.started = function is None  # the main thread is running already
        self.done = False
        # While set aside: the future whose result resumes this stack.
        self.waker = None
        # While waiting with a deadline: when (seconds since the run started), else None.
        self.due = None
        # Set by whoever woke it before its deadline (``block`` returns True).
        self.woken = False
        self.killed = False
        self.kills = 0
        # An error to raise where it waits (a deadlock found while another thread ran).
        self.error = None
        # The child process it runs in (processes.py), or None: the run's own.
        self.process = None


class Scheduler:
    """The run's threads: which one runs, which are ready, which sleep until when."""

    def __init__(self):
        self.main = None
        self.reset()

    def reset(self):
        main_ident = self.main.ident if self.main is not None else None
        self.main = VirtualThread(main_ident)
        self.current = self.main
        self.threads = {}
        self.ready = collections.deque()
        self.sleepers = []  # heap of (due, not main, order, thread)
        self._order = itertools.count()
        self._idents = itertools.count(1)
        self.ending = False
        # Whether this run started a stack of its own (the worker is then replaced:
        # runner.py's run_json says so).
        self.stacks_started = False

    def set_main_ident(self, ident):
        self.main.ident = ident

    @property
    def busy(self):
        """Whether the program has started a thread that has not ended."""
        return bool(self.threads)

    def spawn(self, function, handle, daemon):
        if self.ending:
            raise RuntimeError("can't create new thread at interpreter shutdown")
        if _start_stack is None or not can_run_sync():
            raise RuntimeError("can't start new thread: this run was not started with stack switching")
        thread = VirtualThread(_IDENT_BASE + next(self._idents) * _IDENT_STEP, function, handle, daemon)
        # A thread a child starts is the child's.
        thread.process = self.current.process
        self.threads[thread.ident] = thread
        self.ready.append(thread)
        return thread

    # Waiting and waking.
    def block(self, due=None, on_deadlock=None):
        """The running thread waits until woken (True) or until ``due``, in seconds
        since the run started as ``clock.elapsed()`` counts them (False). Others run
        meanwhile; the clock moves when all of them wait. If none ever can (a deadlock),
        the main thread gets ``on_deadlock()`` (by default, ``WaitsForever``), raised
        where it waits."""
        me = self.current
        if me.killed:
            self._killed_again(me)
        me.woken = False
        me.due = due
        if due is not None:
            heapq.heappush(self.sleepers, (due, me is not self.main, next(self._order), me))
        try:
            self._switch(self._next(), me)
            # Resumed.
            if me.error is not None:
                error, me.error = me.error, None
                raise error
        except Deadlock:
            if on_deadlock is not None:
                on_deadlock()
            from .loop import WaitsForever

            raise WaitsForever(_DEADLOCK) from None
        finally:
            me.due = None
        if me.killed:
            self._killed_again(me)
        if me is self.main:
            # Signals that met another thread are handled here (signals.py).
            on_main_resumed()
        return me.woken

    def _killed_again(self, me):
        """A killed thread waits: it unwinds (``ThreadKilled``). One that catches that
        and waits again, often (a loop that swallows every exception), is set aside for
        good, its stack never resumed, so that the run can end."""
        me.kills += 1
        if me.kills <= _KILLS_BEFORE_ABANDONING or me is self.main:
            raise ThreadKilled()
        me.done = True
        self.threads.pop(me.ident, None)
        self._switch(self._next(), me)

    def wake(self, thread):
        """``thread`` may go on (a lock released, an event set, a loop written to)."""
        if thread.done or thread.woken or thread.waker is None:
            return
        thread.woken = True
        thread.due = None  # its sleeper entry is skipped when met
        self.ready.append(thread)

    def yield_to_others(self):
        """Let every ready thread run once, then go on (``time.sleep(0)``)."""
        if self.ready:
            self.ready.append(self.current)
            self.current.woken = True
            self._switch(self._next(), self.current)

    def _next(self):
        """The thread to run now: the first ready, else the earliest sleeper (the
        clock moves to it), else a deadlock, raised in the main thread."""
        while self.ready:
            thread = self.ready.popleft()
            if not thread.done:
                return thread
        while self.sleepers:
            due, _, _, thread = heapq.heappop(self.sleepers)
            if thread.due == due and not thread.done:
                # By the difference, so that a sleep of 0.3 s ends at 0.3, not at
                # 1000.3 - 1000 (the monotonic clock's start).
                clock.advance(due - clock.elapsed())
                return thread
        main = self.main
        if self.current is not main:
            main.error = Deadlock()
        else:
            raise Deadlock()
        return main

    def _switch(self, target, me):
        """Set ``me`` aside and run ``target`` until someone resumes ``me``."""
        if target is me:
            return
        resumed = asyncio.Future(loop=_switchboard)
        me.waker = resumed
        _leave(me)
        try:
            self._resume(target)
        except BaseException:
            # The other stack never ran: this one goes on, and is the one running.
            me.waker = None
            self.current = me
            _arrive(me)
            raise
        run_sync(resumed)
        me.waker = None
        self.current = me
        _arrive(me)

    def _resume(self, target):
        self.current = target
        if target.started:
            waker, target.waker = target.waker, None
            waker.set_result(None)
        else:
            target.started = True
            self.stacks_started = True
            # The new stack starts once this one is set aside (Pyodide schedules it).
            _start_stack(_bootstrap_proxy(), target.ident)

    def _bootstrap(self, ident):
        thread = self.threads.get(ident)
        if thread is None:  # pragma: no cover - ended before it began (end_run)
            return
        # A new thread has no event loop running.
        events._set_running_loop(None)
        _arrive(thread)
        try:
            thread.function()
        except ThreadKilled:
            pass
        except BaseException as error:  # noqa: BLE001 - past threading's own reporting: the runtime's to report
            import traceback

            sys.stderr.write("".join(traceback.format_exception(error)))
        finally:
            thread.done = True
            self.threads.pop(thread.ident, None)
            if thread.handle is not None:
                thread.handle._set_done()
            # Hand over to the next thread; this stack then ends.
            try:
                target = self._next()
            except Deadlock:  # pragma: no cover - raised only for the main thread itself
                target = self.main
            self._resume(target)

    # The end of a run.
    def join_non_daemon(self):
        """As the interpreter does before it exits: wait for every non-daemon thread."""
        for thread in list(self.threads.values()):
            if not thread.daemon and thread.handle is not None:
                thread.handle.join()

    def end_run(self):
        """Unwind every thread still alive: ``ThreadKilled`` where each waits."""
        self.ending = True
        self.sleepers.clear()
        self.ready.clear()
        for thread in list(self.threads.values()):
            if thread.done:
                continue
            thread.killed = True
            if not thread.started:
                thread.done = True
                self.threads.pop(thread.ident, None)
                continue
            self.ready.append(thread)
            self.ready.append(self.main)
            self.main.woken = True
            self._switch(self._next(), self.main)
        self.threads.clear()
        # An exercise's check, run after this, may start threads of its own.
        self.ending = False


scheduler = Scheduler()


#: ``sys.argv`` and the standard streams of the run's own process while one of its
#: children runs.
_own_argv = []
_own_streams = None


def _leave(thread):
    """A thread is set aside: what is per process in CPython (``sys.argv``, the
    standard streams a program may replace, as ``contextlib.redirect_stdout`` does) is kept."""
    global _own_argv, _own_streams
    streams = (sys.stdout, sys.stderr, sys.stdin)
    if thread.process is None:
        _own_argv, _own_streams = sys.argv, streams
    else:
        thread.process.argv, thread.process.streams = sys.argv, streams


def _arrive(thread):
    """A thread runs again: its process's ``sys.argv`` and standard streams are back."""
    global _own_streams
    if thread.process is None:
        sys.argv = _own_argv
        if _own_streams is not None:
            sys.stdout, sys.stderr, sys.stdin = _own_streams
            _own_streams = None  # not kept past the run
    else:
        sys.argv = thread.process.argv
        sys.stdout, sys.stderr, sys.stdin = thread.process.streams


def get_ident():
    return scheduler.current.ident


def get_native_id():
    """``threading.get_native_id``: as Linux numbers threads, the main one by the
    process's pid, the others after it."""
    import os

    pid = os.getpid()
    thread = scheduler.current
    return pid if thread is scheduler.main else pid + (thread.ident - _IDENT_BASE) // _IDENT_STEP


def current_thread_name():
    """The running thread's name, as ``threading`` knows it (or its ident)."""
    import threading

    thread = threading._active.get(scheduler.current.ident)
    return repr(thread.name) if thread is not None else str(scheduler.current.ident)


def wait_until(due):
    """Block the running thread until ``due`` (seconds since the run started)."""
    return scheduler.block(due)


class Lock:
    """``threading.Lock`` for cooperative threads: an acquire that must wait lets the
    other threads run, and a timeout is on the virtual clock."""

    __slots__ = ("_locked", "_waiters", "__weakref__")

    def __init__(self):
        self._locked = False
        self._waiters = collections.deque()

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        due = None if timeout == -1 else clock.elapsed() + timeout
        me = scheduler.current
        while self._locked:
            self._waiters.append(me)
            try:
                woken = scheduler.block(due)
            except BaseException:
                _forget(self._waiters, me)
                raise
            if not woken and self._locked:
                _forget(self._waiters, me)
                return False
        self._locked = True
        return True

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        if self._waiters:
            scheduler.wake(self._waiters.popleft())

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters.clear()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc_info):
        self.release()

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


Lock.__module__ = "_thread"
Lock.__qualname__ = Lock.__name__ = "lock"


def _forget(waiters, thread):
    try:
        waiters.remove(thread)
    except ValueError:
        pass


class ThreadHandle:
    """``_thread._ThreadHandle``: what ``Thread.join`` waits on."""

    __slots__ = ("ident", "_done", "_joiners", "__weakref__")

    def __init__(self):
        self.ident = 0
        self._done = False
        self._joiners = []

    def is_done(self):
        return self._done

    def _set_done(self):
        self._done = True
        joiners, self._joiners = self._joiners, []
        for thread in joiners:
            scheduler.wake(thread)

    def join(self, timeout=None):
        if self.ident == scheduler.current.ident and not self._done:
            raise RuntimeError("Cannot join current thread")
        due = None if timeout is None else clock.elapsed() + max(timeout, 0)
        while not self._done:
            if timeout is not None and timeout <= 0:
                return
            me = scheduler.current
            self._joiners.append(me)
            try:
                woken = scheduler.block(due)
            finally:
                _forget(self._joiners, me)
            if not woken:
                return


def start_joinable_thread(function, handle=None, daemon=True):
    handle = ThreadHandle() if handle is None else handle
    thread = scheduler.spawn(function, handle, daemon)
    handle.ident = thread.ident
    return handle


def start_new_thread(function, args, kwargs=None):
    """``_thread.start_new_thread``: a daemon thread, its uncaught error printed."""

    def run():
        try:
            function(*args, **(kwargs or {}))
        except SystemExit:
            pass
        except BaseException as error:  # noqa: BLE001 - as _thread reports it
            sys.unraisablehook(_Unraisable(error, function))

    return start_joinable_thread(run).ident


class _Unraisable:
    def __init__(self, error, function):
        self.exc_type, self.exc_value, self.exc_traceback = type(error), error, error.__traceback__
        self.err_msg = f"Exception ignored in thread started by {function!r}"
        self.object = None


#: What ``install`` found in ``threading`` at boot, for each run to start from.
_boot = {}


def install():
    """Once per interpreter: ``threading`` (and what builds on it: ``queue``,
    ``concurrent.futures``, ``asyncio.to_thread``) starts its threads here, and its
    locks, events, conditions and queues wait by letting the other threads run."""
    import _thread
    import _threading_local
    import concurrent.futures.thread as pool
    import time
    import queue
    import threading

    scheduler.set_main_ident(threading.get_ident())
    threading._start_joinable_thread = start_joinable_thread
    threading._ThreadHandle = ThreadHandle
    threading._allocate_lock = Lock
    threading.Lock = Lock
    # ``threading.RLock()`` falls back to its pure-Python RLock, over the Lock above.
    threading._CRLock = None
    threading.get_ident = get_ident
    # Pyodide's threading has none (its _thread lacks it): what Linux's would say.
    threading.get_native_id = get_native_id
    threading.local = _threading_local.local
    # threading times its waits (Condition.wait_for, Semaphore, Barrier) with the
    # monotonic clock it took at import, the real one: the virtual one instead.
    threading._time = time.monotonic
    # _thread's own way to start one (its C one says it cannot).
    _thread.start_new_thread = _thread.start_new = start_new_thread
    # The C SimpleQueue waits on a lock of the OS thread: the pure-Python one waits here.
    queue.SimpleQueue = queue._PySimpleQueue
    # Made at import with a C lock, which would hang the page if a second thread met it held.
    pool._global_shutdown_lock = Lock()
    _boot["atexits"] = list(threading._threading_atexits)


#: The proxy JavaScript calls a new stack's bootstrap through (made once a run needs it).
_bootstrap_proxies = []


def _bootstrap_proxy():
    if not _bootstrap_proxies:
        from pyodide.ffi import create_proxy

        _bootstrap_proxies.append(create_proxy(scheduler._bootstrap))
    return _bootstrap_proxies[0]


def forget_stacks():
    """When a run is over: no JavaScript function of its stays in Python's reach, and
    the bootstrap's proxy goes (from Python, on the run's own stack)."""
    global _start_stack
    _start_stack = None
    while _bootstrap_proxies:
        _bootstrap_proxies.pop().destroy()


def reset(start_stack):
    """Before each run: no thread but the main one, names counted from 1 again, the
    exit-time hooks of threading and thread pools as at boot; ``start_stack`` the way
    to start one (None: this run cannot)."""
    import concurrent.futures.thread as pool
    import threading

    global _start_stack
    _start_stack = start_stack
    scheduler.reset()
    threading._counter = itertools.count(1).__next__
    pool.ThreadPoolExecutor._counter = itertools.count().__next__
    pool._threads_queues.clear()
    threading._threading_atexits[:] = _boot["atexits"]
    threading._SHUTTING_DOWN = False
    main_ident = scheduler.main.ident
    for ident in [ident for ident in threading._active if ident != main_ident]:
        del threading._active[ident]
    threading._limbo.clear()


def shutdown():
    """What the interpreter does as the program ends, before its exit handlers:
    threading's own exit hooks (a thread pool tells its idle workers to stop), then
    every non-daemon thread joined."""
    import threading

    if not scheduler.busy:
        return
    threading._SHUTTING_DOWN = True
    for hook in reversed(threading._threading_atexits):
        hook()
    scheduler.join_non_daemon()

