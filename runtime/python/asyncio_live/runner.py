"""Runs one example: a fresh ``__main__``, a fresh clock and task numbering, strict
CPython 3.14 script semantics, and a result the page can show."""

import asyncio
import json
import linecache
import sys
import traceback
import types
from asyncio import events

from . import clock as clock_module
from . import trace
from .clock import VirtualTimeBudgetExceeded, clock
from .loop import WaitsForever, install_policy, task_numbers

#: The name the reader's program has in tracebacks and warnings, as if run as
#: ``python main.py``.
PROGRAM = "main.py"


def setup():
    """Once per interpreter: undo what Pyodide's boot did to asyncio and time."""
    import asyncio.runners

    # Pyodide marks its WebLoop as the running loop and swaps in its own asyncio.run
    # (which needs stack switching). A script starts with no loop at all.
    events._set_running_loop(None)
    asyncio.run = asyncio.runners.run
    clock_module.install()
    install_policy()


class OutputLimitExceeded(BaseException):
    """The program printed more than a run may show. A BaseException, like
    KeyboardInterrupt, so that ``except Exception`` in the program does not swallow it."""


class _CappedStream:
    """Wraps stdout or stderr and stops the program once the run's output passes its cap.

    Both streams share one budget: a flood on either is a flood on the page.
    """

    def __init__(self, stream, budget, name):
        self._stream = stream
        self._budget = budget
        self._name = name

    def write(self, text):
        budget = self._budget
        if budget["over"]:
            raise OutputLimitExceeded(budget["message"])
        budget["lines"] += text.count("\n")
        budget["bytes"] += len(text.encode("utf-8", "replace"))
        if budget["lines"] > budget["max_lines"] or budget["bytes"] > budget["max_bytes"]:
            budget["over"] = True
            self._stream.write(text)
            self._stream.flush()
            sys.__stderr__.write(f"\n[output truncated: {budget['message']}]\n")
            raise OutputLimitExceeded(budget["message"])
        if trace.current is not None and text:
            trace.current.output(self._name, text)
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _fresh_main():
    main = types.ModuleType("__main__")
    main.__file__ = PROGRAM
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    return main


def _close_leftover_loops():
    """Close a loop the program set as current and did not close (the old idiom)."""
    events._set_running_loop(None)
    policy = events._get_event_loop_policy()
    loop = policy._local._loop
    if loop is not None and not loop.is_closed() and not loop.is_running():
        loop.close()
    policy.set_event_loop(None)


def _readers_frames(tb):
    """The traceback entries of the reader's program only (not the runner's, not asyncio's)."""
    return [frame for frame in traceback.extract_tb(tb) if frame.filename == PROGRAM]


def _error_of(error):
    """A plain, serializable description of the exception that ended the program."""
    kind = type(error).__name__
    if isinstance(error, SyntaxError):
        line = error.lineno if error.filename == PROGRAM else None
        text = "".join(traceback.format_exception_only(error))
        return {"type": kind, "message": str(error.msg), "line": line, "traceback": text}
    frames = _readers_frames(error.__traceback__)
    text = ""
    if frames:
        text = "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames))
    text += "".join(traceback.format_exception_only(error))
    line = frames[-1].lineno if frames else None
    return {"type": kind, "message": str(error), "line": line, "traceback": text}


def run_json(*args):
    """``run``, its result as JSON for the JavaScript side."""
    return json.dumps(run(*args))


def run(code, deterministic=True, budget=3600.0, max_lines=10_000, max_bytes=1_000_000, on_trace=None):
    """Run ``code`` as the program ``main.py``. Returns ``{"ok": True, "time": s}`` or
    ``{"ok": False, "time": s, "error": {...}}``; the traceback has gone to stderr."""
    output = {
        "lines": 0, "bytes": 0, "max_lines": max_lines, "max_bytes": max_bytes, "over": False,
        "message": f"the program printed more than {max_lines:,} lines or {max_bytes:,} bytes, "
                   "and was stopped. Print less, or print a summary.",
    }
    sys.stdout = _CappedStream(sys.__stdout__, output, "stdout")
    sys.stderr = _CappedStream(sys.__stderr__, output, "stderr")
    trace.current = trace.Tracer(on_trace) if on_trace is not None else None
    clock.reset(deterministic=deterministic, budget=budget)
    task_numbers.reset()
    _close_leftover_loops()
    main = _fresh_main()
    # Warnings and tracebacks quote the program's lines, as CPython does from the file.
    linecache.cache[PROGRAM] = (len(code), None, code.splitlines(True), PROGRAM)
    error = None
    try:
        exec(compile(code, PROGRAM, "exec"), main.__dict__)
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            if not isinstance(exit_.code, int):
                print(exit_.code, file=sys.stderr)
            error = {"type": "SystemExit", "message": f"the program exited with status {exit_.code}",
                     "line": None, "traceback": ""}
    except BaseException as raised:  # noqa: BLE001 - the reader's error, reported to them
        error = _error_of(raised)
        if isinstance(raised, (WaitsForever, VirtualTimeBudgetExceeded, OutputLimitExceeded)):
            # The runtime's own stops: the message says it all, a traceback would not help.
            error["traceback"] = f"{error['type']}: {error['message']}\n"
        if not output["over"]:
            sys.__stderr__.write(error["traceback"])
    finally:
        _close_leftover_loops()
        # Collect now, so "coroutine ... was never awaited" appears in this run's output.
        import gc

        gc.collect()
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        if trace.current is not None:
            trace.current.flush()
        trace.current = None
        sys.stdout.flush()
        sys.stderr.flush()
    result = {"ok": error is None, "time": clock.elapsed()}
    if error is not None:
        result["error"] = error
    return result
