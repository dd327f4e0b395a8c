"""Interpreter-wide state a program may change, put back after every run.

All examples of a page share one interpreter, but each must run as a fresh
``python main.py`` would. A program that patches ``asyncio.sleep``, deletes
``builtins.len``, turns off the garbage collector, installs a trace function or ignores
SIGINT would otherwise change every later run, or break the runner itself (Stop
included), until the page is reloaded.
"""

import gc
import logging
import os
import signal
import sys
import tracemalloc
import warnings

#: Modules whose attributes are put back after each run: the ones a learner's program
#: plausibly patches, and what the runner itself relies on. Checking them costs under a
#: millisecond. ``sys`` and ``warnings`` are restored field by field instead (their
#: attributes include live state: streams, filter versions).
_PACKAGES = (
    "builtins", "asyncio", "time", "random", "functools", "contextvars", "threading",
    "concurrent", "traceback", "json", "math", "itertools", "collections", "inspect",
    "logging", "socket", "os", "io", "signal", "gc", "heapq", "weakref", "contextlib",
    "types", "typing", "dataclasses", "enum", "re", "string", "operator", "copy",
    "linecache", "tracemalloc",
)

_SYS_HOOKS = ("excepthook", "unraisablehook", "displayhook", "breakpointhook")

# Taken now, so that holding stops works even after a program patched ``signal``.
_set_signal = signal.signal


class _Pristine:
    """What the interpreter looked like once the runtime had booted."""

    def __init__(self):
        self.modules = [
            (module.__dict__, dict(module.__dict__))
            for name, module in list(sys.modules.items())
            if name.partition(".")[0] in _PACKAGES and getattr(module, "__dict__", None) is not None
        ]
        self.recursion_limit = sys.getrecursionlimit()
        self.int_max_str_digits = sys.get_int_max_str_digits()
        self.warning_filters = list(warnings.filters)
        self.gc_threshold = gc.get_threshold()
        self.sys_hooks = {name: getattr(sys, name) for name in _SYS_HOOKS}
        self.cwd = os.getcwd()
        self.environ = dict(os.environ)
        self.loggers = {
            logger: (logger.level, list(logger.handlers), logger.disabled)
            for logger in [logging.root, *logging.Logger.manager.loggerDict.values()]
            if isinstance(logger, logging.Logger)
        }


_pristine = None


def allow_stops():
    """Let Stop interrupt what runs now. The page stops a run by raising SIGINT in
    Python (Pyodide's interrupt buffer), which the default handler turns into
    KeyboardInterrupt; this also undoes a previous program's own SIGINT handler."""
    _set_signal(signal.SIGINT, signal.default_int_handler)


def hold_stops():
    """Ignore Stop until ``allow_stops``. The page writes its stop again and again until
    it hears that the run ended (one write can be lost), so a late one can arrive while
    the runner cleans up: there it must not interrupt the runner itself."""
    _set_signal(signal.SIGINT, signal.SIG_IGN)


def remember():
    """Record the booted interpreter's state (once, after the runtime is installed)."""
    global _pristine
    _pristine = _Pristine()


def restore_code():
    """Put back the functions and hooks the last program replaced: patched modules,
    builtins, trace and profile functions, ``sys`` hooks. Called as soon as the program
    ends, before the runner's own clean-up, which needs them. What the program set up
    for its own ending (warning filters, tracemalloc) stays until ``restore``.

    Builtins come back first, with nothing but dict methods: until they do, a program
    that deleted ``len`` or ``isinstance`` has broken any other code.
    """
    if _pristine is None:
        return
    for namespace, saved in _pristine.modules:
        # Only the names that were there at boot: a submodule imported since (an
        # attribute of its package) must stay.
        namespace.update(saved)
    sys.settrace(None)
    sys.setprofile(None)
    for name, hook in _pristine.sys_hooks.items():
        setattr(sys, name, hook)


def restore():
    """Put back the rest of what the last program changed (after ``restore_code``), so
    the next run starts fresh."""
    if _pristine is None:
        return
    if tracemalloc.is_tracing():
        tracemalloc.stop()
    sys.setrecursionlimit(_pristine.recursion_limit)
    sys.set_int_max_str_digits(_pristine.int_max_str_digits)
    warnings.filters[:] = _pristine.warning_filters
    # The C side caches filters by version: tell it they changed, as simplefilter does.
    getattr(warnings, "_filters_mutated", lambda: None)()
    gc.enable()
    gc.set_threshold(*_pristine.gc_threshold)
    if os.getcwd() != _pristine.cwd:
        os.chdir(_pristine.cwd)
    if os.environ != _pristine.environ:
        os.environ.clear()
        os.environ.update(_pristine.environ)
    for logger, (level, handlers, disabled) in _pristine.loggers.items():
        logger.setLevel(level)
        logger.handlers[:] = handlers
        logger.disabled = disabled
