"""Runs one example: a fresh ``__main__``, a fresh clock and task numbering, strict
CPython 3.14 script semantics, and a result the page can show. Each concern of a run
has a module of its own (``streams``, ``keyboard``, ``exits``, ``errors``); this one
conducts them."""

import builtins
import json
import linecache
import os
import random
import sys
import types
from asyncio import events

from . import check as exercise
from . import clock as clock_module
from . import errors, exits, fresh, keyboard, network, notebook, processes, signals, stop, streams, threads, trace
from . import warm_up
from . import http as _http  # noqa: F401 - loaded at boot, so no reader's run pays for it
from . import options as run_options
from .clock import clock
from .loop import PROGRAM, install_policy, task_numbers


def setup(options_schema):
    """Once per interpreter: take the run options' schema (JSON Schema), undo what
    Pyodide's boot did to asyncio and time, then remember the result as the state every
    run starts from."""
    import asyncio.runners

    # Pyodide marks its WebLoop as the running loop and swaps in its own asyncio.run
    # (which needs stack switching). A script starts with no loop at all.
    events._set_running_loop(None)
    asyncio.run = asyncio.runners.run
    # An interpreter restored from a memory snapshot would start with the random state
    # of the one that made it: every reader would get the same "random" numbers.
    random.seed()
    run_options.configure(options_schema)
    clock_module.install()
    network.install()
    threads.install()
    signals.install()
    processes.install()
    install_policy()
    stop.install()
    fresh.remember()
    fresh.hold_stops()
    warm_up.warm_up(run)


#: The name of an example's hidden setup in tracebacks: its frames are not the reader's,
#: so they stay out of the traceback, and its lines never count in the reader's numbering.
SETUP = "<setup>"


def run_json(code, options_json, on_output, on_trace, on_input=None, start_stack=None):
    """``run`` for the JavaScript side: the options as one JSON object, the result as JSON
    (checked there against results.ts)."""
    try:
        result = run(code, json.loads(options_json), on_output=on_output, on_trace=on_trace, on_input=on_input,
                     start_stack=start_stack)
    except run_options.RunOptionsError as wrong:
        result = {"ok": False, "time": 0.0, "error": errors.run_error("RunOptionsError", str(wrong))}
    except BaseException as broken:  # noqa: BLE001 - whatever got past the runner is reported, not a crash
        message = (
            f"the runtime could not finish this run ({type(broken).__name__}). "
            "Run it again; reload the page if it happens twice."
        )
        result = {"ok": False, "time": 0.0, "error": errors.run_error("RuntimeFailure", message)}
    if threads.scheduler.stacks_started:
        # Pyodide leaves the C stack of an interpreter whose program ran threads on
        # stacks of their own in a state a later run can crash on (seen: a run of the
        # same worker that imports a large package, "memory access out of bounds"):
        # the worker that ran this is retired (engine.ts), as one past its memory limit.
        result["retire"] = True
    # Never NaN or Infinity: they are not JSON.
    return json.dumps(result, allow_nan=False, default=str)


def run(code, options, on_output=None, on_trace=None, on_input=None, start_stack=None):
    """Run ``code`` as the program ``main.py``. Returns ``{"ok": True, "time": s}`` or
    ``{"ok": False, "time": s, "error": {...}}``, the error's traceback in the result.

    ``options`` is run-options.ts's ``RunOptions`` as a dict, every field present (its
    defaults are filled in there, and only there), checked here against its schema
    (options.py). Output goes to ``on_output(stream, text, t)`` (by
    default, the real streams). With ``options.check``, an exercise's check runs after
    the program and the result gets its ``"check"`` verdict; ``time`` stays the
    program's own. ``start_stack`` starts a thread's stack (threads.py; None: no threads)."""
    options = run_options.read(options)
    output, main, at_exit = _start_afresh(code, options, on_output, on_trace, on_input, start_stack)
    error = None
    shown = None  # a notebook cell's Out
    ended = 0.0
    excepthook = None
    fresh.allow_stops()
    try:
        try:
            hidden = options.setup or {"before": "", "after": ""}
            _run_setup(hidden["before"], main)
            if options.notebook:
                shown = notebook.run_cell(code, main.__dict__)
            else:
                exec(compile(code, PROGRAM, "exec"), main.__dict__)
            _run_setup(hidden["after"], main)
        finally:
            try:
                # As the interpreter exits: its non-daemon threads joined first.
                threads.shutdown()
            finally:
                # The program ends here: the clean-up below is the runner's. It must not be
                # stopped, its time is not the program's, and it needs the builtins and
                # modules the program may have patched.
                fresh.hold_stops()
                ended = clock.elapsed()
                excepthook = fresh.changed_hook("excepthook")
                fresh.restore_code()
    except SystemExit as exit_:
        if isinstance(exit_, exits.ProgramExit):
            # os._exit: no exit handlers, no clean-up, as in CPython.
            at_exit.handlers.clear()
        error = exits.exit_error(exit_, output)
    except BaseException as raised:  # noqa: BLE001 - the reader's error, reported to them
        # The traceback is not written to stderr: the page shows it folded under a short
        # message, and the command line prints it from the result.
        error = errors.error_of(raised, excepthook)
    finally:
        # Threads still alive (daemons, or left by a stop) are unwound, quietly, while
        # the program's globals are still there (CPython stops them before it clears
        # modules; a thread that met its globals gone could spin without ever waiting).
        threads.scheduler.end_run()
        if not output.over:
            # What CPython does as the interpreter exits: the exit handlers, then the
            # program's globals go (a check still needs them: then they stay).
            exits.exit_interpreter(at_exit, main if options.check is None else None)
        output.closed = True
        # And any an exit handler started.
        threads.scheduler.end_run()
        # Handlers the program set for signals are undone.
        signals.reset()
        if output.over and options.check is None:
            # Past its limit the program shows nothing more, but its globals still go now:
            # left for later, their going would warn in the next run of this interpreter.
            exits.exit_interpreter(None, main)
        _close_leftover_loops()
        exits.collect_garbage()
        output.flush()
        fresh.restore()
        streams.use_real()
        streams.current = None
        if trace.current is not None:
            trace.current.finish()
        trace.current = None
        sys.stdout.flush()
        sys.stderr.flush()
    if error is None and output.over:
        # Cut in a thread (whose error the program never sees): the run still says so.
        text = f"OutputLimitExceeded: {output.message}\n"
        error = errors.run_error("OutputLimitExceeded", output.message, traceback=text)
    result = {"ok": error is None, "time": ended}
    if error is not None:
        result["error"] = error
    elif shown is not None and not output.over:
        result["value"] = errors.limited(shown, errors.ERROR_LIMITS["value"])
    check = options.check
    if check is not None:
        result["check"] = _check(main, check["code"], "".join(output.printed), check.get("prediction"), error,
                                 options.maxOutputLines, options.maxOutputBytes)
    threads.forget_stacks()
    return result


def _start_afresh(code, options, on_output, on_trace, on_input, start_stack):
    """What every run resets before its program starts, in this order: each run is a new
    ``python main.py``, though all share one interpreter. Returns the run's output, the
    program's ``__main__`` and its exit handlers."""
    # What changed since the last program ended (JavaScript that it left behind can run
    # between two runs) is undone first, so that everything below starts from the
    # interpreter as it booted.
    fresh.restore_code()
    fresh.restore()
    # Its own stdout and stderr: counted against the run's cap, sent to the page by line
    # (by default, to the real streams).
    output = streams.Output(on_output or streams.to_real_streams, options.maxOutputLines, options.maxOutputBytes)
    streams.current = output
    # input() and sys.stdin: the reader's answers, or an error that says why there are none.
    builtins.input, stdin = processes.route_stdin(*keyboard.keyboard(on_input))
    streams.use(streams.Stream(output, "stdout"), streams.Stream(output, "stderr"), stdin)
    # os._exit ends the program, not the interpreter every run shares.
    os._exit = exits.os_exit
    # Its trace, or none: what the loop and the streams report to from here on.
    trace.current = trace.Tracer(on_trace, steps=options.steps) if on_trace is not None else None
    # Its clock at zero, counting computation from here (unless deterministic).
    clock.reset(deterministic=options.deterministic)
    # An empty network: no host, listener or connection of an earlier run.
    network.network.reset()
    # Its tasks numbered from Task-1, as in a new process; no thread but the main one.
    task_numbers.reset()
    threads.reset(start_stack)
    signals.reset()
    processes.reset()
    # No loop current or running: a script starts with none.
    _close_leftover_loops()
    # A new __main__, with nothing of an earlier program's.
    main = _fresh_main()
    # No exit handlers but the program's own, run when it ends.
    at_exit = exits.AtExit()
    # Warnings and tracebacks quote the program's lines, as CPython does from the file.
    linecache.cache[PROGRAM] = (len(code), None, code.splitlines(True), PROGRAM)
    return output, main, at_exit


def _run_setup(code, main):
    """Run hidden setup lines in the program's namespace (RunOptions.setup)."""
    if code:
        linecache.cache[SETUP] = (len(code), None, code.splitlines(True), SETUP)
        exec(compile(code, SETUP, "exec"), main.__dict__)


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


def _check(main, code, printed, prediction, error, max_lines, max_bytes):
    """An exercise's verdict on the program that left ``main``; then the program's
    globals, which the run kept for the check, go. What the check or their going prints
    (its own output, a coroutine never awaited) is not the program's, and must not reach
    the next run, which may share this interpreter: it goes to a quiet output."""
    quiet = streams.Output(lambda stream, text, t: None, max_lines, max_bytes)
    # No reader to answer input(); a child the check starts still reads its own pipe.
    builtins.input, stdin = processes.route_stdin(*keyboard.keyboard(None))
    streams.use(streams.Stream(quiet, "stdout"), streams.Stream(quiet, "stderr"), stdin)
    # The check calls the reader's code, which may loop forever: Stop must reach it.
    fresh.allow_stops()
    try:
        return exercise.verdict(main.__dict__, code, printed, prediction, error, (sys.stdout, sys.stderr))
    finally:
        fresh.hold_stops()
        fresh.restore_code()
        threads.scheduler.end_run()
        exits.exit_interpreter(None, main)
        quiet.closed = True
        _close_leftover_loops()
        exits.collect_garbage()
        fresh.restore()
        streams.use_real()
