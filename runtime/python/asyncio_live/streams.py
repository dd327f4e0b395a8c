"""The program's ``sys.stdout`` and ``sys.stderr`` in a run: what it prints, counted
against the run's cap, sent to the page a line at a time with the loop time it began at."""

import codecs
import io
import sys

from . import threads, trace
from .clock import clock


class OutputLimitExceeded(BaseException):
    """The program printed more than a run may show. A BaseException, like
    KeyboardInterrupt, so that ``except Exception`` in the program does not swallow it."""

    # Tracebacks name the runtime's errors by the module a run starts from, whichever of
    # its files raises them.
    __module__ = "asyncio_live.runner"


#: The running program's Output (None between runs).
current = None

#: The interpreter's own streams (Pyodide's: a crash report, the command line's), taken
#: at boot: during a run ``sys.__stdout__`` and ``sys.__stderr__`` are the run's, as in
#: CPython ``sys.stdout is sys.__stdout__`` until a program replaces it.
REAL_STDOUT, REAL_STDERR, REAL_STDIN = sys.__stdout__, sys.__stderr__, sys.__stdin__


def use(stdout, stderr, stdin):
    """Make these the run's standard streams, ``sys.__stdout__`` and co. included."""
    sys.stdout = sys.__stdout__ = stdout
    sys.stderr = sys.__stderr__ = stderr
    sys.stdin = sys.__stdin__ = stdin


def use_real():
    """The interpreter's own streams again, between runs."""
    use(REAL_STDOUT, REAL_STDERR, REAL_STDIN)


class Output:
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
        # Set when the program ends at once (``os._exit``, a signal's default action): the
        # process would be gone, so what still runs on the way out (``finally`` blocks)
        # writes nowhere.
        self.ended = False
        self.message = (
            f"the program printed more than {max_lines:,} lines or {max_bytes:,} bytes, "
            "and was stopped. Print less, or print a summary."
        )
        # What the program printed to stdout, for an exercise's check (capped like the rest).
        self.printed = []
        self._pending = {"stdout": "", "stderr": ""}
        self._pending_t = {"stdout": 0.0, "stderr": 0.0}

    def write(self, stream, text):
        if self.ended:
            return len(text)
        if self.over:
            if self.closed:
                return len(text)
            raise OutputLimitExceeded(self.message)
        if not text:
            return 0
        written = len(text)
        # Capped before anything is sent or kept: a huge print costs one count, not its
        # size in messages.
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


def to_real_streams(stream, text, t):
    """The sink of a run that was given none: the interpreter's own streams."""
    (REAL_STDOUT if stream == "stdout" else REAL_STDERR).write(text)


class Stream(io.TextIOBase):
    """``sys.stdout`` or ``sys.stderr`` of a run, with what CPython's have when its
    output goes to a pipe: a name, a file number, a binary ``buffer``, ``reconfigure``."""

    def __init__(self, output, name):
        self._output = output
        self._name = name
        self._line_buffering = False
        self.buffer = BinaryStream(self)

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
        current = threads.scheduler.current
        if current.killed:
            # A thread being unwound (its run ended, or a Stop; threads.py): CPython's would be gone.
            return len(text)
        if current.process is not None:
            # A child process's (processes.py): its own standard stream.
            child = current.process
            return (child.child_out if self._name == "stdout" else child.child_err).write(text)
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


class BinaryStream(io.RawIOBase):
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
