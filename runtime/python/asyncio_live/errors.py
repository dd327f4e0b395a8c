"""How a run reports the error that ended its program: one plain, serializable object
(results.ts's ``RunError``), built by ``run_error`` only, its traceback the one CPython
would print, cut to the reader's own frames."""

import traceback

from . import fresh
from .loop import PROGRAM, NoProgress, WaitsForever
from .streams import OutputLimitExceeded

#: The longest texts of an error that cross to the page, in characters (limits.ts's
#: TEXT_LIMITS: the same numbers). A reader's exception can carry megabytes of text
#: (in its message, even in its class's name), which the page would take seconds to draw.
ERROR_LIMITS = {"type": 200, "message": 10_000, "traceback": 50_000, "value": 10_000}


def limited(text, limit):
    """``text`` cut to ``limit`` characters, saying how much was left out (as the page does)."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}\u2026 ({len(text) - limit:,} more characters)"


def run_error(kind, message, line=None, traceback="", exit_status=None):
    """A run's error: the exception's class name (``kind``), its message, the reader's
    line it was raised at (None: not in the program), the traceback as CPython prints
    it, and for a program that exited, the status a process would exit with. Each text
    within ``ERROR_LIMITS``."""
    error = {
        "type": limited(kind, ERROR_LIMITS["type"]),
        "message": limited(message, ERROR_LIMITS["message"]),
        "line": line,
        "traceback": limited(traceback, ERROR_LIMITS["traceback"]),
    }
    if exit_status is not None:
        error["exitStatus"] = exit_status
    return error


def text_of(value):
    """``str(value)``, or what CPython prints when that fails."""
    try:
        return str(value)
    except BaseException:  # noqa: BLE001 - the reader's __str__, which may raise anything
        return "<exception str() failed>"


def _readers_frames(tb):
    """The traceback entries of the reader's program only (not the runner's, not asyncio's)."""
    return [frame for frame in traceback.extract_tb(tb) if frame.filename == PROGRAM]


def _first_leaf(error):
    """An exception group's first exception that is not a group: where it was raised is
    the line that caused the failure (the group itself is raised at ``async with``)."""
    while isinstance(error, BaseExceptionGroup) and error.exceptions:
        error = error.exceptions[0]
    return error


def readers_traceback(error):
    """What CPython prints for an uncaught ``error`` (its causes and contexts, an
    exception group's boxed sub-exceptions), with the reader's frames only."""
    report = traceback.TracebackException.from_exception(error)
    pending, seen = [report], set()
    while pending:
        part = pending.pop()
        if part is None or id(part) in seen:
            continue
        seen.add(id(part))
        part.stack = traceback.StackSummary.from_list([frame for frame in part.stack if frame.filename == PROGRAM])
        pending += [part.__cause__, part.__context__, *(part.exceptions or ())]
    return "".join(report.format())


def error_of(raised, excepthook=None):
    """The run's error for the exception that ended its program; ``excepthook``: the
    program's own ``sys.excepthook`` (None: it set none), which then reports it, as in
    CPython. Calling it runs the reader's code."""
    kind = type(raised).__name__
    if isinstance(raised, SyntaxError):
        line = raised.lineno if raised.filename == PROGRAM else None
        text = "".join(traceback.format_exception_only(raised))
        message = str(raised.msg)
    else:
        frames = _readers_frames(_first_leaf(raised).__traceback__) or _readers_frames(raised.__traceback__)
        line = frames[-1].lineno if frames else None
        message, text = text_of(raised), readers_traceback(raised)
    if isinstance(raised, (WaitsForever, NoProgress)):
        # A program that would never end: the line is where a task waits (stuck.py),
        # and the traceback lists where each does, not the loop's own frames.
        line = raised.line
        text = f"{raised.where}{kind}: {message}\n"
    elif isinstance(raised, OutputLimitExceeded):
        # The runtime's own stop: the message says it all, a traceback would not help.
        text = f"{kind}: {message}\n"
    elif excepthook is not None:
        text = _call_excepthook(excepthook, raised)
    return run_error(kind, message, line=line, traceback=text)


def _call_excepthook(hook, error):
    """Call the program's ``sys.excepthook`` for its uncaught ``error`` (from the
    program's first frame on); what CPython prints if the hook itself fails."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != PROGRAM:
        tb = tb.tb_next
    with fresh.programs_code():
        try:
            hook(type(error), error, tb)
        except BaseException as failure:  # noqa: BLE001 - the program's hook, reported as CPython does
            # CPython calls the hook once the error is no longer being handled: not its context.
            if failure.__context__ is error:
                failure.__context__ = None
            return (
                f"Error in sys.excepthook:\n{readers_traceback(failure)}\n"
                f"Original exception was:\n{readers_traceback(error)}"
            )
    return ""
