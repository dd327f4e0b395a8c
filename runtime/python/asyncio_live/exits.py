"""How a program ends, as CPython's interpreter ends it: ``sys.exit`` and ``os._exit``
with their status, then (not after ``os._exit``) its ``atexit`` handlers, its globals
dropped in the order it made them (their ``__del__`` runs), and the last garbage
collected, whose warnings CPython shows at ``<sys>:0``."""

import atexit
import contextlib
import gc
import operator
import sys
import warnings

from . import fresh
from .errors import readers_traceback, run_error, text_of


class ProgramExit(SystemExit):
    """``os._exit(status)``: in CPython the process ends at once. Here the program ends
    (nothing after it runs: a SystemExit, which asyncio's tasks pass straight on), and
    the run reports the status."""

    # Tracebacks name the runtime's errors by the module a run starts from, whichever of
    # its files raises them.
    __module__ = "asyncio_live.runner"

    def __init__(self, status):
        super().__init__(status)
        self.status = status


class Terminated(ProgramExit):
    """A signal's default action ended the program, as the kernel ends a process: no
    handler, no exit handlers (as ``os._exit``); the status a shell reports, 128 + the
    signal's number."""

    __module__ = "asyncio_live.runner"

    def __init__(self, signum):
        super().__init__(128 + signum)
        self.signum = signum


def os_exit(status):
    """``os._exit`` in a run: ends the program, not the interpreter every run shares."""
    status = operator.index(status)
    end_at_once()
    raise ProgramExit(status)


def end_at_once():
    """The program ends as a process that is gone at once: its output ends here (the
    ``finally`` blocks the exception still runs through print nothing)."""
    from . import streams

    if streams.current is not None:
        streams.current.ended = True


def exit_error(exit_, output):
    """The run's error for a program that exited (``sys.exit``, ``os._exit``); None for
    status 0. A status that is not a number is printed to ``output``'s stderr, as CPython
    prints it, and exits with 1."""
    if isinstance(exit_, Terminated):
        import signal

        name = signal.Signals(exit_.signum).name
        message = f"the program was ended by {name} ({signal.strsignal(exit_.signum)}), the signal's default action"
        return run_error("Terminated", message, exit_status=exit_.status)
    if isinstance(exit_, ProgramExit):
        if exit_.status == 0:
            return None
        message = f"the program exited with status {exit_.status} (os._exit)"
        return run_error("SystemExit", message, exit_status=exit_.status)
    code = exit_.code
    if code in (None, 0):
        return None
    status = code if isinstance(code, int) else 1
    if not isinstance(code, int) and not output.over:
        output.write("stderr", f"{text_of(code)}\n")
    return run_error("SystemExit", f"the program exited with status {status}", exit_status=status)


class AtExit:
    """``atexit`` for one run: the program's handlers, run when it ends (the
    interpreter's own, registered at boot, are not the program's and stay out)."""

    def __init__(self):
        self.handlers = []
        atexit.register = self.register
        atexit.unregister = self.unregister
        atexit._run_exitfuncs = self.run
        atexit._clear = self.handlers.clear
        atexit._ncallbacks = lambda: len(self.handlers)

    def register(self, func, *args, **kwargs):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.handlers.append((func, args, kwargs))
        return func

    def unregister(self, func):
        self.handlers[:] = [handler for handler in self.handlers if handler[0] != func]

    def run(self):
        """Last registered, first run; an error is printed and the next one runs, as in CPython."""
        while self.handlers:
            func, args, kwargs = self.handlers.pop()
            try:
                func(*args, **kwargs)
            except BaseException as error:  # noqa: BLE001 - the program's handler, reported as CPython does
                sys.stderr.write(f"Exception ignored in atexit callback {func!r}:\n{readers_traceback(error)}")


def exit_interpreter(at_exit, main):
    """Run the program's exit handlers (``at_exit``; None: none to run), then drop its
    globals (``main``; None: they stay) in the order it made them (their ``__del__``
    runs, as when CPython's interpreter exits). Reader's code: Stop reaches it."""
    handlers = at_exit is not None and at_exit.handlers
    finalizers = main is not None and any(hasattr(type(value), "__del__") for value in main.__dict__.values())
    if not handlers and not finalizers:
        # No code of the program's runs as it goes: nothing of the interpreter to put back.
        _drop_globals(main)
        return
    with fresh.programs_code():
        try:
            if at_exit is not None:
                at_exit.run()
            _drop_globals(main)
        except BaseException:  # noqa: BLE001 - a stop, or an error in a __del__ (CPython ignores those)
            pass


def _drop_globals(main):
    """The program's globals go, in the order made. No Python code runs as CPython drops
    them: what that warns about (a coroutine never awaited) is reported at ``<sys>:0``."""
    if main is not None:
        with _warnings_at_exit():
            main.__dict__.clear()


def collect_garbage():
    """Collect the program's garbage cycles now, so that "coroutine ... was never
    awaited" appears in this run's output. CPython collects them as the process ends,
    when no Python code runs, and reports their warnings at ``<sys>:0``; so does this
    (otherwise they would name the runtime's own line)."""
    with _warnings_at_exit(hint=True):
        gc.collect()


@contextlib.contextmanager
def _warnings_at_exit(hint=False):
    """Warnings raised inside, shown as CPython shows those of its exit: at ``<sys>:0``.
    CPython adds its hint about tracemalloc for what its last garbage collection finds
    (``hint``), not for what goes with the program's globals."""
    with warnings.catch_warnings(record=True) as caught:
        yield
    for warning in caught:
        source = warning.source if hint else None
        warnings._showwarnmsg(warnings.WarningMessage(warning.message, warning.category, "<sys>", 0, source=source))
