"""Interpreter-wide state a program may change, put back after every run.

All examples of a page share one interpreter, but each must run as a fresh
``python main.py`` would. A program that patches ``asyncio.sleep``, deletes
``builtins.len``, turns off the garbage collector, installs a trace function or ignores
SIGINT would otherwise change every later run, or break the runner itself (Stop
included), until the page is reloaded. A program from a share link could use that
against the reader: patch the exercise checks, or the runtime's clock, for every run
after its own.

Put back: the modules the interpreter had at boot (``sys.modules`` itself: a program
may replace ``asyncio`` there), their functions and classes (``asyncio.sleep``), the
attributes of their classes (``asyncio.Runner.run``), the code of their functions
(``asyncio.sleep.__code__``), the runtime's own functions and objects, and the
interpreter-wide settings below. Modules a program imported are forgotten, so the next
program imports them afresh. This runs when a program ends and again before the next
one starts: JavaScript that a program left behind (a timer made through ``import js``)
could otherwise change things in between. (The worker also clears such timers.)
"""

import contextlib
import gc
import logging
import types
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
    "linecache", "tracemalloc", "atexit", "datetime", "_pydatetime", "subprocess", "select", "selectors", "queue",
    "_thread",
)

#: The packages that come with the runtime, once installed: their top-level modules, put
#: back as those above. packages.py names them from the files it installs (``adopt``), so
#: that runtime/vendor/manifest.json stays the one list of them.
_installed = ()

#: The runtime's own modules: put back exactly (a program must not replace the
#: exercise check or the clock, nor lift a limit such as the trace's), but for the
#: state the runner itself keeps there during a run.
_RUNTIME = ("asyncio_live", "nest_asyncio")
_RUNNER_STATE = ("current", "_pristine", "_replaced_code", "_start_stack", "_bootstrap_proxies")

_SYS_HOOKS = ("excepthook", "unraisablehook", "displayhook", "breakpointhook", "executable")

#: ``sys`` lists that steer imports: a program could add a finder to every later import.
_SYS_LISTS = ("meta_path", "path_hooks", "path")

def _is_code(value):
    """Functions, classes, methods and modules: what a program would replace to change behaviour."""
    return callable(value) or isinstance(value, (types.ModuleType, staticmethod, classmethod))

# Taken now, so that holding stops works even after a program patched ``signal``.
_set_signal = signal.signal


class _Pristine:
    """What the interpreter looked like once the runtime had booted."""

    def __init__(self):
        self.sys_modules = dict(sys.modules)
        packages = _PACKAGES + _installed
        self.modules = [
            (module.__dict__, dict(module.__dict__))
            for name, module in self.sys_modules.items()
            if name.partition(".")[0] in packages and getattr(module, "__dict__", None) is not None
        ]
        runtime = [module for name, module in self.sys_modules.items() if name.partition(".")[0] in _RUNTIME]
        self.runtime = [
            (module.__dict__, {k: v for k, v in vars(module).items() if k not in _RUNNER_STATE}) for module in runtime
        ]
        # The runtime's own objects (the clock, the task numbering): a method replaced on
        # the instance (``clock.advance = ...``) is dropped.
        self.objects = [
            (vars(value), {k: v for k, v in vars(value).items() if _is_code(v)})
            for module in runtime
            for value in vars(module).values()
            if type(value).__module__.partition(".")[0] in _RUNTIME and hasattr(value, "__dict__")
            and not isinstance(value, (type, types.ModuleType, types.FunctionType))
        ]
        # Python classes of those modules, and of the runtime, attribute by attribute.
        self.classes = [
            (cls, dict(vars(cls)))
            for cls in {
                id(value): value
                for name, module in self.sys_modules.items()
                if name.partition(".")[0] in packages + _RUNTIME and getattr(module, "__dict__", None) is not None
                for value in list(vars(module).values())
                if isinstance(value, type) and value.__flags__ & _HEAP_TYPE
            }.values()
        ]
        self.sys_lists = {name: list(getattr(sys, name)) for name in _SYS_LISTS}
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

#: ``Py_TPFLAGS_HEAPTYPE``: a class made by Python code, whose attributes can be set.
_HEAP_TYPE = 1 << 9

#: Functions whose ``__code__`` a program replaced, with their own code (the audit hook
#: below sees every such replacement; the function object stays the same, so putting
#: back module attributes would not undo it).
_replaced_code = {}


def _audit(event, args):
    # Not the program's own functions: it may rewrite their code (``types.coroutine``
    # does), and an exercise's check, run after it, calls them as the program left them.
    if (
        event == "object.__setattr__"
        and args[1] == "__code__"
        and isinstance(args[0], types.FunctionType)
        and args[0].__globals__.get("__name__") != "__main__"
    ):
        _replaced_code.setdefault(args[0], args[0].__code__)


def allow_stops():
    """Let Stop interrupt what runs now. The page stops a run by raising SIGINT in
    Python (Pyodide's interrupt buffer), which the default handler turns into
    KeyboardInterrupt; this also undoes a previous program's own SIGINT handler."""
    from . import signals

    # Run in the main thread, whichever thread the stop meets (signals.py).
    _set_signal(signal.SIGINT, signals.routed(signal.default_int_handler))


def hold_stops():
    """Ignore Stop until ``allow_stops``. The page writes its stop again and again until
    it hears that the run ended (one write can be lost), so a late one can arrive while
    the runner cleans up: there it must not interrupt the runner itself."""
    _set_signal(signal.SIGINT, signal.SIG_IGN)


def remember():
    """Record the booted interpreter's state (once, after the runtime is installed)."""
    global _pristine
    _pristine = _Pristine()
    sys.addaudithook(_audit)


def adopt(installed):
    """Record the state again, between two runs (so as it was at boot), with what the
    runtime has added since: the packages it installs when a program needs them, whose
    top-level modules (``installed``) are then put back too."""
    global _pristine, _installed
    _installed = tuple(installed)
    _pristine = _Pristine()


@contextlib.contextmanager
def programs_code():
    """Around code of the program's that the runner calls after the program ended (its
    exit handlers, its ``__del__``, its ``sys.excepthook``): Stop reaches it, and what it
    changed is put back after."""
    allow_stops()
    try:
        yield
    finally:
        hold_stops()
        restore_code()


def changed_hook(name):
    """The program's own ``sys.<name>`` hook, if it set one (else None)."""
    hook = getattr(sys, name, None)
    return None if _pristine is None or hook is _pristine.sys_hooks.get(name) else hook


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
    for function, code in list(_replaced_code.items()):
        function.__code__ = code
    _replaced_code.clear()
    modules = sys.modules
    for name in [name for name in modules if name not in _pristine.sys_modules and name != "__main__"]:
        del modules[name]
    for name, module in _pristine.sys_modules.items():
        if modules.get(name) is not module and name != "__main__":
            modules[name] = module
    for namespace, saved in _pristine.runtime:
        for name in [name for name in namespace if name not in saved and name not in _RUNNER_STATE]:
            del namespace[name]
        namespace.update(saved)
    for namespace, saved in _pristine.objects:
        for name in [name for name, value in namespace.items() if name not in saved and _is_code(value)]:
            del namespace[name]
        namespace.update(saved)
    for cls, saved in _pristine.classes:
        _restore_class(cls, saved)
    for name, saved in _pristine.sys_lists.items():
        current = getattr(sys, name)
        if current != saved:
            current[:] = saved
    sys.settrace(None)
    sys.setprofile(None)
    for name, hook in _pristine.sys_hooks.items():
        setattr(sys, name, hook)


def _restore_class(cls, saved):
    now = vars(cls)
    if len(now) == len(saved) and all(saved.get(name, saved) is value for name, value in now.items()):
        return
    for name in [name for name in now if name not in saved]:
        type.__delattr__(cls, name)
    for name, value in saved.items():
        if now.get(name, saved) is not value and name not in ("__dict__", "__weakref__", "__doc__"):
            type.__setattr__(cls, name, value)


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
