"""The virtual clock every example runs on.

Waiting costs no wall time: when the loop has nothing to do until a timer, the clock
jumps to it. Computing still counts (unless the run is deterministic), a stretch at a
time: the clock is every wait that was skipped plus each stretch of computation between
two waits that python3 would take ``COUNTED_STRETCH`` or more over (WebAssembly's time
divided by ``WASM_SLOWDOWN``). So a CPU-bound loop between two
awaits moves the clock as far as it really took, as in CPython, while a program that
only waits reads exact times on every run: its stretches of bookkeeping (which
WebAssembly runs several times slower than python3 does, and slower still on a page's
first run) cost it nothing.
"""

import math
import operator
import time as _time

from .naming import named_as

# The real clock functions, saved before ``install`` replaces them in ``time``.
_real_perf_counter = _time.perf_counter
_real_time = _time.time
_real_localtime = _time.localtime
_real_gmtime = _time.gmtime
_real_strftime = _time.strftime
_real_ctime = _time.ctime
_real_asctime = _time.asctime

# Monotonic clocks start at an arbitrary point; this one starts at a round number
# so traces read well.
MONOTONIC_START = 1000.0
# The wall clock of a deterministic run: 2026-01-01 09:00:00 UTC.
DETERMINISTIC_EPOCH = 1767258000.0
# The shortest stretch of computation between two waits that the clock counts (as
# python3 would take it).
COUNTED_STRETCH = 0.1
# How many times slower WebAssembly computes than python3 on the same machine: the
# clock charges a stretch as python3 would take it, so a program that times its own
# computation prints what it would print under python3. ``bench/wasm-speed.ts`` measures
# it; for Python 3.13 on the machine this was set on, ×1.6 to ×2.2 by program, median
# ×1.9 (Node 24's WebAssembly, as in Chromium; a page's first run computes slower).
WASM_SLOWDOWN = 1.9
# A deterministic run counts no computation, so a busy-wait on the clock would never
# end: past this many reads of ``time`` between two waits, each read moves it by a tick.
BUSY_READS = 1000
BUSY_TICK = 1e-6


class Clock:
    def __init__(self):
        # Between runs: the real clock. Each run resets it with its own options
        # (protocol.ts holds their defaults).
        self.reset(deterministic=False)

    def reset(self, *, deterministic):
        """Start a new run's time: zero elapsed, zero skipped."""
        self.deterministic = deterministic
        self.skipped = 0.0
        # Computation counted so far: the stretches that lasted long enough.
        self.charged = 0.0
        # The runtime's own time within the current stretch (``pause``/``resume``).
        self.excluded = 0.0
        self._paused = 0
        self._paused_at = 0.0
        self._stretch_start = _real_perf_counter()
        self._reads = 0
        self._epoch = DETERMINISTIC_EPOCH if deterministic else _real_time()

    def read(self):
        """The program reads the clock (through ``time``). In a deterministic run, a
        program that keeps reading it without waiting is busy-waiting for it to move
        (``while time.perf_counter() < deadline: pass``): it moves, a tick a read."""
        if self.deterministic:
            self._reads += 1
            if self._reads > BUSY_READS:
                self.skipped += BUSY_TICK

    def _stretch(self):
        """Seconds the program has computed since its last wait."""
        now = self._paused_at if self._paused else _real_perf_counter()
        return now - self._stretch_start - self.excluded

    @staticmethod
    def _counted(stretch):
        native = stretch / WASM_SLOWDOWN
        return native if native >= COUNTED_STRETCH else 0.0

    def elapsed(self):
        """Seconds since the run started, on the virtual clock."""
        if self.deterministic:
            return self.skipped
        return self.skipped + self.charged + self._counted(self._stretch())

    def pause(self):
        """The runtime's own work starts (delivering output, tracing): the program is not
        computing, so the clock stands still until ``resume``. Pauses nest."""
        self._paused += 1
        if self._paused == 1:
            self._paused_at = _real_perf_counter()

    def resume(self):
        self._paused -= 1
        if self._paused == 0:
            self.excluded += _real_perf_counter() - self._paused_at

    def monotonic(self):
        return MONOTONIC_START + self.elapsed()

    def wall(self):
        return self._epoch + self.elapsed()

    def advance_to(self, when):
        """Advance to ``when`` (on ``monotonic``), so that a timer due then is due:
        asyncio runs a timer once ``when < now + 1 ns``. Far from zero (a sleep of
        centuries) a nanosecond is below a float's precision, and adding the difference
        can round to just short of ``when``: there the clock goes one step past it."""
        self.advance(when - self.monotonic())
        while not when < self.monotonic() + 1e-9:
            self.skipped = math.nextafter(self.skipped, math.inf)

    def advance(self, seconds):
        """Skip ``seconds`` of waiting (which ends a stretch of computation). However
        long the wait, it costs nothing: a program that sleeps ten hours ends, as in
        CPython (a runaway is stopped by the work it does, never by its clock)."""
        if not seconds > 0:  # NaN included: a clock never moves by it
            return
        self._reads = 0
        if not self.deterministic:
            self.charged += self._counted(self._stretch())
            self._stretch_start = _real_perf_counter()
            self.excluded = 0.0
            if self._paused:
                self._paused_at = self._stretch_start
        self.skipped += seconds


clock = Clock()


#: The longest sleep CPython accepts: its clock counts nanoseconds in a signed 64-bit int.
_LONGEST_SLEEP = (2**63 - 1) / 1e9


def _sleep_seconds(seconds):
    """``time.sleep``'s argument read as CPython 3.13 and 3.14 read it, with their errors."""
    if isinstance(seconds, float):
        if math.isnan(seconds):
            raise ValueError("Invalid value NaN (not a number)")
    else:
        seconds = operator.index(seconds)
    if abs(seconds) > _LONGEST_SLEEP:
        raise OverflowError("timestamp out of range for platform time_t")
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    return float(seconds)


def _sleep(seconds):
    """Blocking ``time.sleep``: holds the thread, as in CPython. With one thread the
    clock moves at once; with several, the others run meanwhile (threads.py)."""
    seconds = _sleep_seconds(seconds)
    from . import threads, trace

    scheduler = threads.scheduler
    if trace.current is not None and scheduler.current is scheduler.main:
        trace.current.blocking_sleep(seconds)
    if not scheduler.busy:
        clock.advance(seconds)
    elif seconds == 0:
        scheduler.yield_to_others()
    else:
        due = clock.elapsed() + seconds
        # A signal handled meanwhile wakes it early; the sleep goes on after (PEP 475).
        while due - clock.elapsed() > 1e-9:
            scheduler.block(due)


named_as(_sleep, "sleep", "time")


def _seconds(secs):
    return clock.wall() if secs is None else secs


def _read(source):
    """A ``time`` function that reads ``source``, counting the read (``Clock.read``)."""

    def read():
        clock.read()
        return source()

    return read


def install():
    """Make the ``time`` module read the virtual clock."""
    _time.time = _read(clock.wall)
    _time.time_ns = _read(lambda: int(clock.wall() * 1e9))
    _time.monotonic = _read(clock.monotonic)
    _time.monotonic_ns = _read(lambda: int(clock.monotonic() * 1e9))
    _time.perf_counter = _read(clock.monotonic)
    _time.perf_counter_ns = _read(lambda: int(clock.monotonic() * 1e9))
    _time.sleep = _sleep
    _time.localtime = lambda secs=None: _real_localtime(_seconds(secs))
    _time.gmtime = lambda secs=None: _real_gmtime(_seconds(secs))
    _time.ctime = lambda secs=None: _real_ctime(_seconds(secs))
    _time.asctime = lambda t=None: _real_asctime(_time.localtime() if t is None else t)
    _time.strftime = lambda fmt, t=None: _real_strftime(fmt, _time.localtime() if t is None else t)
    # Pyodide's build has no per-thread CPU clock; its one thread's is the process's.
    if not hasattr(_time, "thread_time"):
        _time.thread_time = _time.process_time
        _time.thread_time_ns = _time.process_time_ns
    _install_datetime()


def _install_datetime():
    """Make ``datetime`` read the virtual clock too: ``datetime.now()``, ``date.today()``
    and ``utcnow()`` agree with ``time.time()`` and move with every wait.

    The C ``datetime`` reads the system clock itself, past ``time``; its pure-Python twin
    (``_pydatetime``, the same classes CPython falls back to) asks ``time.time()``. So
    ``import datetime`` is made to fall back to it: nothing imports ``datetime`` before
    this. Its classes are given ``datetime`` as their module, as the C ones have."""
    import sys

    if "datetime" in sys.modules and sys.modules.get("_datetime", True) is not None:
        del sys.modules["datetime"]
    sys.modules["_datetime"] = None
    import datetime

    for value in vars(datetime).values():
        if isinstance(value, type) and value.__module__ == "_pydatetime":
            value.__module__ = "datetime"
