"""Runs one example: a fresh ``__main__``, a fresh clock and task numbering, strict
CPython 3.14 script semantics, and a result the page can show."""

import atexit
import builtins
import codecs
import contextlib
import gc
import io
import json
import linecache
import operator
import os
import random
import sys
import traceback
import types
import warnings
from asyncio import events

from . import check as exercise
from . import clock as clock_module
from . import fresh, network, notebook, options as run_options, stop, trace
from . import http as _http  # noqa: F401 - loaded at boot, so no reader's run pays for it
from .clock import clock
from .loop import PROGRAM, NoProgress, WaitsForever, install_policy, task_numbers


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
    install_policy()
    stop.install()
    fresh.remember()
    fresh.hold_stops()
    _warm_up()


#: A small program run once at boot, with its output and trace thrown away. The first
#: run in an interpreter pays for code paths used for the first time (about 5 ms in
#: Node, 15 ms in Chromium; 50 ms more for a first conversation on the network); on a
#: clock that counts computation, a reader's first run would report "sleep until 1.01 s"
#: where later runs say 1.00.
_WARM_UP = """
import asyncio
import time
from asyncio_live import http

http.site("warm-up.example", {"/": "ok"})

async def ask(host, port, line):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(line)
    answer = await reader.read()
    writer.close()
    await writer.wait_closed()
    return answer

async def echo(reader, writer):
    writer.write(await reader.readline())
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def talk():
    server = await asyncio.start_server(echo, "127.0.0.1", 8000)
    async with server:
        await ask("127.0.0.1", 8000, b"hi\\n")
    await ask("warm-up.example", 80, b"GET / HTTP/1.1\\r\\nConnection: close\\r\\n\\r\\n")

async def step(delay):
    await asyncio.sleep(delay)
    print(delay)
    return delay

async def blocked():
    # A blocking sleep in a task and a timed print: the first lesson of blocking-the-loop
    # (its first run on a page was 0.1 s late, compiling these paths as it went).
    started = time.perf_counter()
    time.sleep(0.5)
    print(f"blocked for {time.perf_counter() - started:.1f} s")

async def main():
    await asyncio.gather(step(0), step(1), blocked())
    async with asyncio.TaskGroup() as group:
        group.create_task(step(0))
    try:
        async with asyncio.timeout(0):
            await step(1)
    except TimeoutError:
        pass

asyncio.run(main())
asyncio.run(talk())
"""


def _warm_up():
    warm_up_options = run_options.defaults(deterministic=True, maxOutputLines=100, maxOutputBytes=10_000)
    result = run(_WARM_UP, warm_up_options, on_output=lambda stream, text, t: None, on_trace=lambda event: None)
    # A warm-up that fails warms nothing, and readers' runs still work: say so where the
    # runtime's developers look (the console, test output), and boot on.
    if not result["ok"]:
        sys.__stderr__.write(f"asyncio-live: the warm-up run failed: {result['error']}\n")


class OutputLimitExceeded(BaseException):
    """The program printed more than a run may show. A BaseException, like
    KeyboardInterrupt, so that ``except Exception`` in the program does not swallow it."""


class _Output:
    """Both output streams of one run: counted against the cap, buffered by line, and
    sent to ``sink(stream, text, t)`` with the loop time ``t`` the line began at.

    Lines, not single writes: ``print`` writes a line in several pieces, and a message
    per piece would flood the page. A partial line goes out on ``flush()`` (``end=""``
    with ``flush=True``, progress bars), before the other stream writes, or at the end.
    """

    def __init__(self, sink, max_lines, max_bytes):
        self._sink = sink
        self._max_lines = max_lines
        self._max_bytes = max_bytes
        self._lines = 0
        self._bytes = 0
        self.over = False
        # Set once the run is over: late writes (warnings at garbage collection after a
        # truncation) are dropped instead of raising where nobody can catch them.
        self.closed = False
        self.message = (
            f"the program printed more than {max_lines:,} lines or {max_bytes:,} bytes, "
            "and was stopped. Print less, or print a summary."
        )
        # What the program printed to stdout, for an exercise's check (capped like the rest).
        self.printed = []
        self._pending = {"stdout": "", "stderr": ""}
        self._pending_t = {"stdout": 0.0, "stderr": 0.0}

    def write(self, stream, text):
        if self.over:
            if self.closed:
                return len(text)
            raise OutputLimitExceeded(self.message)
        if not text:
            return 0
        written = len(text)
        # Capped before anything is sent or kept: a 50 MB print costs one count, not 50 MB
        # of messages.
        lines = text.count("\n")
        size = len(text) if text.isascii() else len(text.encode("utf-8", "replace"))
        if self._lines + lines > self._max_lines or self._bytes + size > self._max_bytes:
            text = self._fit(text)
            self.over = True
            lines = text.count("\n")
            size = len(text.encode("utf-8", "replace"))
        if trace.current is not None and text:
            trace.current.output(stream, text)
        if stream == "stdout":
            self.printed.append(text)
        self._lines += lines
        self._bytes += size
        other = "stderr" if stream == "stdout" else "stdout"
        if self._pending[other]:
            self.flush(other)
        if not self._pending[stream]:
            self._pending_t[stream] = clock.elapsed()
        self._pending[stream] += text
        if self.over:
            self.flush(stream)
            self._send("stderr", f"\n[output truncated: {self.message}]\n")
            raise OutputLimitExceeded(self.message)
        pending = self._pending[stream]
        cut = pending.rfind("\n") + 1
        if cut:
            self._pending[stream] = pending[cut:]
            self._send(stream, pending[:cut], self._pending_t[stream])
            self._pending_t[stream] = clock.elapsed()
        return written

    def _fit(self, text):
        """The start of ``text`` that fits in what the run may still print."""
        room_lines = self._max_lines - self._lines
        if text.count("\n") > room_lines:
            end = -1
            for _ in range(room_lines):
                end = text.index("\n", end + 1)
            text = text[: end + 1]
        room_bytes = max(0, self._max_bytes - self._bytes)
        if len(text) > room_bytes or len(text.encode("utf-8", "replace")) > room_bytes:
            text = text[:room_bytes].encode("utf-8", "replace")[:room_bytes].decode("utf-8", "ignore")
        return text

    def flush(self, stream=None):
        for name in (stream,) if stream else ("stdout", "stderr"):
            if self._pending[name]:
                text, self._pending[name] = self._pending[name], ""
                self._send(name, text, self._pending_t[name])

    def _send(self, stream, text, t=None):
        self._sink(stream, text, round(clock.elapsed() if t is None else t, 6))


class _Stream(io.TextIOBase):
    """``sys.stdout`` or ``sys.stderr`` of a run, with what CPython's have when its
    output goes to a pipe: a name, a file number, a binary ``buffer``, ``reconfigure``."""

    def __init__(self, output, name):
        self._output = output
        self._name = name
        self._line_buffering = False
        self.buffer = _BinaryStream(self)

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    @property
    def name(self):
        return f"<{self._name}>"

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return False

    def fileno(self):
        return 1 if self._name == "stdout" else 2

    def writable(self):
        return True

    def isatty(self):
        return False

    def reconfigure(self, *, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None):
        """Takes what CPython's takes; the text stays UTF-8 (what the page shows), only
        ``line_buffering`` is kept."""
        for value, what in ((encoding, "encoding"), (errors, "errors")):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"reconfigure() argument '{what}' must be str or None, not {type(value).__name__}")
        if line_buffering is not None:
            self._line_buffering = bool(line_buffering)

    # Writing is the runtime's work (counting, tracing, posting the line to the page),
    # not the program's: the clock stands still meanwhile, as CPython's print costs
    # microseconds where a message to the page can cost a millisecond.
    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if clock.thread is not None:
            # Printed "in a thread": shown when the thread's time comes (loop.py).
            clock.thread.output.append((clock.thread.elapsed, self, text))
            return len(text)
        clock.pause()
        try:
            return self._output.write(self._name, text)
        finally:
            clock.resume()

    def flush(self):
        clock.pause()
        try:
            self._output.flush(self._name)
        finally:
            clock.resume()


class _BinaryStream(io.RawIOBase):
    """``sys.stdout.buffer``: bytes written here reach the same output, read as UTF-8."""

    def __init__(self, text):
        self._text = text
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    @property
    def name(self):
        return self._text.name

    def fileno(self):
        return self._text.fileno()

    def writable(self):
        return True

    def write(self, data):
        data = memoryview(data).cast("B")
        text = self._decoder.decode(bytes(data))
        if text:
            self._text.write(text)
        return len(data)

    def flush(self):
        self._text.flush()


class ProgramExit(SystemExit):
    """``os._exit(status)``: in CPython the process ends at once. Here the program ends
    (nothing after it runs: a SystemExit, which asyncio's tasks pass straight on), and
    the run reports the status."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


def _os_exit(status):
    raise ProgramExit(operator.index(status))


class InputNotAvailable(RuntimeError):
    """``input()`` in an example: there is no keyboard to read from."""


_NO_INPUT = (
    "input() cannot wait for typing here: Python in a page can wait for the keyboard only "
    "when the page is cross-origin isolated, and this one is not (reload it; some hosts "
    'never allow it). Put the value in the code instead, for example name = "Ada".'
)


class _NoStdin(io.TextIOBase):
    def readable(self):
        return True

    def read(self, size=-1):
        raise InputNotAvailable(_NO_INPUT)

    readline = read


def _no_input(prompt=""):
    if prompt:
        sys.stdout.write(str(prompt))
        sys.stdout.flush()
    raise InputNotAvailable(_NO_INPUT)


def _keyboard(ask):
    """``input`` and ``sys.stdin`` that ask ``ask(prompt)`` for a line (the page's reader,
    or the command line's stdin): its text, None at the end of input, False when the
    reader stopped the run. Waiting for the reader costs the clock nothing: the loop is
    blocked, as in CPython, but no computation happens."""

    def read_line(prompt):
        clock.pause()
        try:
            answer = ask(prompt)
        finally:
            clock.resume()
        if answer is False:
            raise KeyboardInterrupt
        return None if answer is None else str(answer)

    def keyboard_input(prompt=""):
        prompt = str(prompt)
        if prompt:
            sys.stdout.write(prompt)
        sys.stdout.flush()
        line = read_line(prompt)
        if line is None:
            raise EOFError("EOF when reading a line")
        return line.rstrip("\n")

    class Stdin(io.TextIOBase):
        def readable(self):
            return True

        def readline(self, size=-1):
            line = read_line("")
            return "" if line is None else line.rstrip("\n") + "\n"

        def read(self, size=-1):
            lines = []
            while (line := self.readline()):
                lines.append(line)
            return "".join(lines)

    return keyboard_input, Stdin()


#: The name of an example's hidden setup in tracebacks: its frames are not the reader's,
#: so they stay out of the traceback, and its lines never count in the reader's numbering.
SETUP = "<setup>"


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


def _text_of(value):
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


def _readers_traceback(error):
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


#: The longest texts of an error that cross to the page, in characters (protocol.ts's
#: TEXT_LIMITS: the same numbers). ``raise ValueError("A" * 60_000_000)`` made a 45 s
#: task of the page's; a 20 MB class name, 8 to 18 s.
ERROR_LIMITS = {"type": 200, "message": 10_000, "traceback": 50_000, "value": 10_000}


def _limited(text, limit):
    """``text`` cut to ``limit`` characters, saying how much was left out (as the page does)."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}\u2026 ({len(text) - limit:,} more characters)"


def _error_of(error):
    """A plain, serializable description of the exception that ended the program, each
    text within ``ERROR_LIMITS``."""
    kind = type(error).__name__
    if isinstance(error, SyntaxError):
        line = error.lineno if error.filename == PROGRAM else None
        text = "".join(traceback.format_exception_only(error))
        message = str(error.msg)
    else:
        frames = _readers_frames(_first_leaf(error).__traceback__) or _readers_frames(error.__traceback__)
        line = frames[-1].lineno if frames else None
        message, text = _text_of(error), _readers_traceback(error)
    return {"type": _limited(kind, ERROR_LIMITS["type"]), "message": _limited(message, ERROR_LIMITS["message"]),
            "line": line, "traceback": _limited(text, ERROR_LIMITS["traceback"])}


class _AtExit:
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
                sys.stderr.write(f"Exception ignored in atexit callback {func!r}:\n{_readers_traceback(error)}")


def _exit_interpreter(at_exit, main):
    """Run the program's exit handlers, then drop its globals in the order it made
    them (their ``__del__`` runs, as when CPython's interpreter exits). Reader's code:
    Stop reaches it."""
    finalizers = main is not None and any(hasattr(type(value), "__del__") for value in main.__dict__.values())
    if not at_exit.handlers and not finalizers:
        # No code of the program's runs as it goes: nothing of the interpreter to put back.
        _drop_globals(main)
        return
    with fresh.programs_code():
        try:
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
                f"Error in sys.excepthook:\n{_readers_traceback(failure)}\n"
                f"Original exception was:\n{_readers_traceback(error)}"
            )
    return ""


def _collect_garbage():
    """Collect the program's garbage cycles now, so that "coroutine ... was never
    awaited" appears in this run's output. CPython collects them as the process ends,
    when no Python code runs, and reports their warnings at ``<sys>:0``; so does this
    (otherwise they would name the runner's own line)."""
    with _warnings_at_exit(hint=True):
        gc.collect()


@contextlib.contextmanager
def _warnings_at_exit(hint=False):
    """Warnings raised inside, shown as CPython shows those of its exit: at ``<sys>:0``.
    CPython 3.13 adds its hint about tracemalloc for what its last garbage collection
    finds (``hint``), not for what goes with the program's globals."""
    with warnings.catch_warnings(record=True) as caught:
        yield
    for warning in caught:
        source = warning.source if hint else None
        warnings._showwarnmsg(warnings.WarningMessage(warning.message, warning.category, "<sys>", 0, source=source))


def run_json(code, options_json, on_output, on_trace, on_input=None):
    """``run`` for the JavaScript side: the options as one JSON object, the result as JSON
    (checked there against protocol.ts)."""
    try:
        result = run(code, json.loads(options_json), on_output=on_output, on_trace=on_trace, on_input=on_input)
    except run_options.RunOptionsError as wrong:
        result = {"ok": False, "time": 0.0, "error": {
            "type": "RunOptionsError", "message": str(wrong), "line": None, "traceback": ""}}
    except BaseException as broken:  # noqa: BLE001 - whatever got past the runner is reported, not a crash
        result = {"ok": False, "time": 0.0, "error": {
            "type": "RuntimeFailure",
            "message": f"the runtime could not finish this run ({type(broken).__name__}). "
                       "Run it again; reload the page if it happens twice.",
            "line": None, "traceback": ""}}
    # Never NaN or Infinity: they are not JSON.
    return json.dumps(result, allow_nan=False, default=str)


def _print_to_real_streams(stream, text, t):
    (sys.__stdout__ if stream == "stdout" else sys.__stderr__).write(text)


def run(code, options, on_output=None, on_trace=None, on_input=None):
    """Run ``code`` as the program ``main.py``. Returns ``{"ok": True, "time": s}`` or
    ``{"ok": False, "time": s, "error": {...}}``, the error's traceback in the result.

    ``options`` is run-options.ts's ``RunOptions`` as a dict, every field present (its
    defaults are filled in there, and only there), checked here against its schema
    (options.py). Output goes to ``on_output(stream, text, t)`` (by
    default, the real streams). With ``options.check``, an exercise's check runs after
    the program and the result gets its ``"check"`` verdict; ``time`` stays the
    program's own."""
    options = run_options.read(options)
    # What changed since the last program ended (JavaScript that it left behind can run
    # between two runs) is undone before this one starts.
    fresh.restore_code()
    fresh.restore()
    max_lines, max_bytes = options.maxOutputLines, options.maxOutputBytes
    output = _Output(on_output or _print_to_real_streams, max_lines, max_bytes)
    sys.stdout = _Stream(output, "stdout")
    sys.stderr = _Stream(output, "stderr")
    if on_input is None:
        sys.stdin = _NoStdin()
        builtins.input = _no_input
    else:
        builtins.input, sys.stdin = _keyboard(on_input)
    os._exit = _os_exit
    trace.current = trace.Tracer(on_trace) if on_trace is not None else None
    clock.reset(deterministic=options.deterministic)
    network.network.reset()
    task_numbers.reset()
    _close_leftover_loops()
    main = _fresh_main()
    at_exit = _AtExit()
    # Warnings and tracebacks quote the program's lines, as CPython does from the file.
    linecache.cache[PROGRAM] = (len(code), None, code.splitlines(True), PROGRAM)
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
            # The program ends here: the clean-up below is the runner's. It must not be
            # stopped, its time is not the program's, and it needs the builtins and
            # modules the program may have patched.
            fresh.hold_stops()
            ended = clock.elapsed()
            excepthook = fresh.changed_hook("excepthook")
            fresh.restore_code()
    except ProgramExit as exit_:
        # os._exit: no exit handlers, no clean-up, as in CPython.
        at_exit.handlers.clear()
        if exit_.status != 0:
            error = {"type": "SystemExit", "message": f"the program exited with status {exit_.status} (os._exit)",
                     "line": None, "traceback": "", "exitStatus": exit_.status}
    except SystemExit as exit_:
        code = exit_.code
        if code not in (None, 0):
            status = code if isinstance(code, int) else 1
            if not isinstance(code, int) and not output.over:
                # CPython prints the object and exits with status 1.
                output.write("stderr", f"{_text_of(code)}\n")
            error = {"type": "SystemExit", "message": f"the program exited with status {status}",
                     "line": None, "traceback": "", "exitStatus": status}
    except BaseException as raised:  # noqa: BLE001 - the reader's error, reported to them
        error = _error_of(raised)
        if isinstance(raised, (WaitsForever, NoProgress)):
            # A program that would never end: the line is where a task waits (stuck.py),
            # and the traceback lists where each does, not the loop's own frames.
            error["line"] = raised.line
            where = f"{raised.where}{error['type']}: {error['message']}\n"
            error["traceback"] = _limited(where, ERROR_LIMITS["traceback"])
        elif isinstance(raised, OutputLimitExceeded):
            # The runtime's own stop: the message says it all, a traceback would not help.
            error["traceback"] = f"{error['type']}: {error['message']}\n"
        elif excepthook is not None:
            # The program's own hook reports its uncaught error, as in CPython.
            error["traceback"] = _call_excepthook(excepthook, raised)
        # The traceback is not written to stderr: the page shows it folded under a short
        # message, and the command line prints it from the result.
    finally:
        if not output.over:
            # What CPython does as the interpreter exits: the exit handlers, then the
            # program's globals go (a check still needs them: then they stay).
            _exit_interpreter(at_exit, main if options.check is None else None)
        output.closed = True
        _close_leftover_loops()
        _collect_garbage()
        output.flush()
        fresh.restore()
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        if trace.current is not None:
            trace.current.finish()
        trace.current = None
        sys.stdout.flush()
        sys.stderr.flush()
    result = {"ok": error is None, "time": ended}
    if error is not None:
        result["error"] = error
    elif shown is not None and not output.over:
        result["value"] = _limited(shown, ERROR_LIMITS["value"])
    check = options.check
    if check is not None:
        result["check"] = _check(main, check["code"], "".join(output.printed), check.get("prediction"), error,
                                 max_lines, max_bytes)
    return result


def _check(main, code, printed, prediction, error, max_lines, max_bytes):
    quiet = _Output(lambda stream, text, t: None, max_lines, max_bytes)
    # The check calls the reader's code, which may loop forever: Stop must reach it.
    fresh.allow_stops()
    try:
        return exercise.verdict(main.__dict__, code, printed, prediction, error,
                                (_Stream(quiet, "stdout"), _Stream(quiet, "stderr")))
    finally:
        fresh.hold_stops()
        fresh.restore_code()
        quiet.closed = True
        _close_leftover_loops()
        fresh.restore()
