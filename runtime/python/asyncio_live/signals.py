"""Signals of a run: delivered to the main thread, with their default actions, and gone
when the run ends.

Pyodide's ``signal`` module calls a program's handlers (``signal.signal``,
``raise_signal``, ``os.kill(os.getpid(), sig)``, the page's Stop as SIGINT), between
two bytecodes of whichever stack runs. CPython runs handlers in the main thread only,
so every handler installed here is wrapped: raised while another thread runs, the
signal waits for the main thread, which is woken for it (threads.py), as a signal
interrupts a blocking call in CPython. A signal left to its default action ends the
program as the kernel would end the process (``Terminated``, exit status 128 + its
number) or is ignored, as Linux does for that signal. An event loop's
``add_signal_handler`` (loop.py) is told directly (CPython writes to its self-pipe).
Every handler a program set is undone when its run ends: none reaches the next run.
"""

import os
import signal
import sys

from . import threads
from .naming import named_as
from .exits import Terminated, end_at_once

#: The real functions, taken before ``install`` replaces them.
_set = signal.signal
_get = signal.getsignal
_raise = signal.raise_signal
_kill = os.kill

#: Signals whose default action (SIG_DFL) Linux takes as "ignore" or "stop/continue": here ignored.
_IGNORED_BY_DEFAULT = {signal.SIGCHLD, signal.SIGURG, signal.SIGWINCH, signal.SIGCONT, signal.SIGTSTP,
                       signal.SIGTTIN, signal.SIGTTOU, signal.SIGSTOP}


class _Routed:
    """A program's handler, run in the main thread whichever thread the signal met."""

    __slots__ = ("handler",)

    def __init__(self, handler):
        self.handler = handler

    def __call__(self, signum, frame):
        scheduler = threads.scheduler
        if scheduler.current is scheduler.main:
            return self.handler(signum, frame)
        if signum == signal.SIGINT and signum in _pending:
            # A second Stop, and the main thread never got to run for the first: this
            # thread computes without ever blocking. It ends (quietly), so the main
            # thread can take its KeyboardInterrupt.
            global _hog
            _hog = threads.current_thread_name()
            scheduler.current.killed = True
            raise threads.ThreadKilled()
        _pending.append(signum)
        if not _quiet:
            scheduler.wake(scheduler.main)
        return None


#: Signals that met another thread, for the main thread to handle when it runs again.
_pending = []
#: The signal being delivered was raised in the running thread: the main one is not woken.
_quiet = False
#: The socket ``signal.set_wakeup_fd`` named (a virtual one; -1: none), written the
#: signal's number as each arrives, as CPython's C handler does.
_wakeup_fd = -1
#: The name of a thread a Stop had to end because it never blocked (None: none).
_hog = None

_HOG = (
    "[the thread {name} computed without ever blocking, so no other thread ran until "
    "the Stop ended it: threads here take turns only where one blocks (a sleep, a lock, "
    "an event, a queue, a join), while CPython also switches every 5 ms]\n"
)
#: The signals whose handler the running program changed: put back when it ends.
_changed = set()


def _signal(signalnum, handler):
    """``signal.signal``: as CPython's (main thread only), the handler wrapped to run there."""
    scheduler = threads.scheduler
    if scheduler.current is not scheduler.main:
        raise ValueError("signal only works in main thread of the main interpreter")
    if int(signalnum) in (signal.SIGKILL, signal.SIGSTOP):
        # No process may catch or ignore these (Linux refuses, and so does CPython).
        raise OSError(22, "Invalid argument")
    previous = _getsignal(signalnum)
    wrapped = _Routed(handler) if callable(handler) else handler
    _set(signalnum, wrapped)
    _changed.add(int(signalnum))
    return previous


def _getsignal(signalnum):
    handler = _get(signalnum)
    return handler.handler if isinstance(handler, _Routed) else handler


def deliver(signum, *, to_thread=False):
    """``signum`` reaches this process: its handler runs in the main thread (now, if the
    main thread is the one running), or its default action is taken. ``to_thread``: it
    was raised in the running thread (``raise_signal``), which the kernel interrupts
    instead of the main thread: the main one handles it when it next runs."""
    global _quiet
    signum = int(signum)
    handler = _get(signum)
    if handler == signal.SIG_IGN:
        return
    if handler == signal.SIG_DFL or handler is None:
        if signum in _IGNORED_BY_DEFAULT:
            return
        _terminate(signum)
    _write_wakeup(signum)
    _quiet = to_thread
    try:
        # CPython runs the handler before raise_signal returns (signal.c checks at once).
        _raise(signum)
    finally:
        _quiet = False


def _write_wakeup(signum):
    from . import network

    sock = network.network.sockets.get(_wakeup_fd)
    if sock is not None:
        try:
            sock.send(bytes([signum]))
        except OSError:
            pass


def _set_wakeup_fd(fd, /, *, warn_on_full_buffer=True):
    """``signal.set_wakeup_fd`` for the virtual network's sockets (a loop's self-pipe)."""
    global _wakeup_fd
    from . import network

    scheduler = threads.scheduler
    if scheduler.current is not scheduler.main:
        raise ValueError("set_wakeup_fd only works in main thread of the main interpreter")
    fd = int(fd)
    if fd != -1 and fd not in network.network.sockets:
        raise ValueError(f"invalid fd: {fd}")
    previous, _wakeup_fd = _wakeup_fd, fd
    return previous


def _terminate(signum):
    end_at_once()
    scheduler = threads.scheduler
    if scheduler.current is scheduler.main:
        raise Terminated(signum)
    # Another thread: the whole process ends, so the main thread does, at once.
    scheduler.main.error = Terminated(signum)
    scheduler.wake(scheduler.main)
    threads.wait_until(None)


def handle_pending():
    """In the main thread: run the handlers of signals that met another thread."""
    global _hog
    if _hog is not None:
        name, _hog = _hog, None
        sys.stderr.write(_HOG.format(name=name))
    while _pending:
        signum = _pending.pop(0)
        handler = _get(signum)
        if isinstance(handler, _Routed):
            handler.handler(signum, sys._getframe(1))


def _raise_signal(signalnum):
    deliver(signalnum, to_thread=True)


def _os_kill(pid, sig):
    """``os.kill``: this process (its pid, or 0: its group) gets the signal, a child of
    the run its default action; any other pid is no process here."""
    from . import processes

    child = threads.scheduler.current.process
    if child is not None and pid in (child.pid, 0):
        # A child signalling itself: its own default action, not the run's, at once.
        processes.signal_child(child.pid, int(sig))
        if sig:
            raise threads.ThreadKilled()
        return
    if pid in (os.getpid(), 0):
        if not 0 <= int(sig) < signal.NSIG:
            raise OSError(22, "Invalid argument")
        if sig != 0:
            deliver(sig)
        return
    processes.signal_child(pid, int(sig))


def send(signum, at):
    """For an example's hidden setup: ``signum`` reaches the program at ``at`` seconds
    of its clock, as if another process sent it (``kill -TERM``) then."""

    def sender():
        threads.wait_until(at)
        deliver(signum)

    threads.start_joinable_thread(sender, daemon=True)


for _function, _name, _module in ((_signal, "signal", "signal"), (_getsignal, "getsignal", "signal"),
                                  (_raise_signal, "raise_signal", "signal"), (_os_kill, "kill", "posix"),
                                  (_set_wakeup_fd, "set_wakeup_fd", "signal")):
    named_as(_function, _name, _module)


def install():
    """Once per interpreter: ``signal`` and ``os.kill`` go through this module."""
    signal.signal = _signal
    signal.getsignal = _getsignal
    signal.raise_signal = _raise_signal
    signal.set_wakeup_fd = _set_wakeup_fd
    os.kill = _os_kill
    threads.on_main_resumed = handle_pending


def reset():
    """When a run ends (and before the next): the handlers its program set are undone,
    and no signal waits for it."""
    for signum in _changed:
        if signum != signal.SIGINT:  # the runner's own (fresh.py: hold_stops, allow_stops)
            _set(signum, signal.SIG_DFL)
    _changed.clear()
    _pending.clear()
    global _wakeup_fd
    _wakeup_fd = -1


def routed(handler):
    """``handler`` as the runner installs it for SIGINT (fresh.py): run in the main thread."""
    return _Routed(handler)
