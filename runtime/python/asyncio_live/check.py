"""Exercise checks: hidden code that runs after the reader's program and says whether
the exercise is solved, with a hint when it is not."""

import sys

#: The check's name in its own tracebacks, so they are never taken for the reader's.
CHECK = "<check>"

NOT_YET = "Not yet: the program does not do what the exercise asks."

#: The longest verdict message (protocol.ts's TEXT_LIMITS.verdict): a check's hint may
#: quote what the reader's function returned, which the reader chooses.
VERDICT_LIMIT = 2_000


def _hint(text):
    return text if len(text) <= VERDICT_LIMIT else text[:VERDICT_LIMIT] + "\u2026"


def lines(text):
    """The non-blank lines of ``text``, stripped: how a prediction is compared."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


def verdict(namespace, code, printed, prediction, error, quiet_streams):
    """Runs ``code`` against the program that left ``namespace``; returns
    ``{"passed": bool, "message": str}``.

    ``error`` is the program's own error (or None): a program that failed is not
    checked. ``quiet_streams`` are (stdout, stderr) for the check's run: whatever the
    check or the reader's functions print then is not the program's output.
    """
    if error is not None:
        return {
            "passed": False,
            "message": f"The program ended with {error['type']}, so it was not checked. Fix that first.",
        }
    scope = dict(namespace)
    scope.update(printed=printed, prediction=prediction or "", lines=lines)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = quiet_streams
    try:
        exec(compile(code, CHECK, "exec"), scope)
    except AssertionError as failed:
        return {"passed": False, "message": _hint(str(failed)) or NOT_YET}
    except BaseException as broken:  # noqa: BLE001 - a stop, a runaway or a renamed function
        what = f"{type(broken).__name__}: {broken}" if str(broken) else type(broken).__name__
        advice = " Keep the names the exercise gives." if isinstance(broken, NameError) else ""
        return {"passed": False, "message": _hint(f"The check could not run: {what}.{advice}")}
    finally:
        sys.stdout, sys.stderr = saved
    return {"passed": True, "message": ""}
