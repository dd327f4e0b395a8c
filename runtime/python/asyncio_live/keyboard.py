"""``input()`` and ``sys.stdin`` in a run: the reader's answers when the page can wait
for them (or the command line's standard input), else an error that says why not."""

import io
import sys

from .clock import clock


class InputNotAvailable(RuntimeError):
    """``input()`` in an example: there is no keyboard to read from."""

    # Tracebacks name the runtime's errors by the module a run starts from, whichever of
    # its files raises them.
    __module__ = "asyncio_live.runner"


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


def keyboard(ask):
    """``(input, sys.stdin)`` for a run. With ``ask``, they ask ``ask(prompt)`` for a
    line (the page's reader, or the command line's stdin): its text, None at the end of
    input, False when the reader stopped the run. Waiting for the reader costs the clock
    nothing: the loop is blocked, as in CPython, but no computation happens. Without
    ``ask`` (None), both raise ``InputNotAvailable``, saying why."""
    if ask is None:
        return _no_input, _NoStdin()

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
