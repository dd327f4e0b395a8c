"""Child processes of a run, each a thread of its own (threads.py) with the state a
process has: its ``__main__``, ``sys.argv``, pid, standard streams and exit status.

A child is Python (``sys.executable -c CODE``, ``sys.executable FILE``, ``python3 ...``)
or one of a few commands lessons need (``sleep``, ``echo``, ``cat``, ``true``,
``false``, ``yes``, ``head -n N``), alone or in a shell line with ``|``. Its pipes are
socketpairs of the virtual network, so the parent reads and writes them as CPython
does (``create_subprocess_exec``, ``communicate``, ``subprocess.run``), deadlocks
included, and its time is the run's clock: three one-second children at once take a
second. ``kill()`` ends one with -9, ``terminate()`` with -15, where it waits (one that
computes without ever blocking is ended at its next wait). Nothing leaves the worker:
no real process is started, and every child ends with its run.
"""

import io
import itertools
import os
from shlex import quote as _quote, shlex as _shlex
import subprocess
import sys
import traceback
import types
from asyncio import base_subprocess

from . import sockets, streams, threads
from .clock import clock
from .naming import named_as

PIPE, STDOUT, DEVNULL = subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL

#: What a shell line or argv may name to run Python.
_PYTHONS = frozenset({"python", "python3", "python3.14"})

_real_getpid = os.getpid

#: What a pipe holds before its writer waits (Linux: 64 KiB), so that a parent and a
#: child deadlock where they do in CPython.
PIPE_BUFFER = 65536


class _Stdio:
    """One of a child's standard streams: a socket (a pipe), the parent's own output
    (inherited), or nothing (DEVNULL)."""

    def __init__(self, sock=None, inherit=None):
        self.sock = sock
        self.inherit = inherit  # "stdout"/"stderr": the run's stream of that name

    def write(self, text):
        data = text.encode() if isinstance(text, str) else bytes(text)
        if self.sock is not None:
            try:
                self.sock.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                raise BrokenPipeError(32, "Broken pipe") from None
        elif self.inherit is not None and streams.current is not None:
            streams.current.write(self.inherit, data.decode("utf-8", "replace"))
        return len(text)

    def readline(self):
        if self.sock is None:
            return b""
        line = bytearray()
        while not line.endswith(b"\n"):
            byte = self.sock.recv(1)
            if not byte:
                break
            line += byte
        return bytes(line)

    def read(self):
        if self.sock is None:
            return b""
        chunks = []
        while chunk := self.sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self):
        if self.sock is not None:
            self.sock.close()


class Process:
    """A child: ``subprocess.Popen``'s side that both asyncio and ``subprocess`` use."""

    _pids = itertools.count(_real_getpid() + 1000)

    def __init__(self, args, shell, stdin, stdout, stderr, on_exit=None, stdio=None):
        self.args = args
        self.pid = next(Process._pids)
        self.returncode = None
        self._on_exit = [on_exit] if on_exit else []
        self._signal = None
        self._waiters = []
        self.argv = []
        # Its sys.stdout/stderr/stdin: the run's own, which write to this child's pipes
        # while it runs (streams.Stream), whatever the parent put in their place.
        self.streams = (sys.__stdout__, sys.__stderr__, sys.__stdin__)
        self.main = {"__name__": "__main__", "__builtins__": __builtins__}
        program = _shell_program(args) if shell else _program(list(args))
        if stdio is None:
            self.stdin, self.child_in = _end(stdin, "stdin")
            self.stdout, self.child_out = _end(stdout, "stdout")
            if stderr == STDOUT:
                self.stderr, self.child_err = None, self.child_out
            else:
                self.stderr, self.child_err = _end(stderr, "stderr")
        else:  # a stage of a shell line: its streams given
            self.stdin = self.stdout = self.stderr = None
            self.child_in, self.child_out, self.child_err = stdio
        self._thread = threads.scheduler.spawn(lambda: self._main(program), None, True)
        self._thread.process = self
        _children[self.pid] = self

    # The child's side.
    def _main(self, program):
        status = 1
        try:
            status = program(self)
        except SystemExit as exit_:
            status = _exit_status(exit_, self)
        except threads.ThreadKilled:
            status = -(self._signal or 9)
        except KeyboardInterrupt as interrupt:
            # CPython prints it, then ends itself with SIGINT's default action.
            self.child_err.write(_child_traceback(interrupt))
            status = -2
        except BaseException as error:  # noqa: BLE001 - printed as the child's Python prints it
            self.child_err.write(_child_traceback(error))
            status = 1
        finally:
            for end in {id(e): e for e in (self.child_in, self.child_out, self.child_err)}.values():
                end.close()
            self.returncode = status if status is not None else 0
            _children.pop(self.pid, None)
            for waiter in self._waiters:
                threads.scheduler.wake(waiter)
            for callback in self._on_exit:
                callback(self.returncode)

    # The parent's side.
    def poll(self):
        return self.returncode

    def wait(self, timeout=None):
        """Block until the child ends (a thread's wait: others run meanwhile)."""
        due = None if timeout is None else clock.elapsed() + timeout
        while self.returncode is None:
            me = threads.scheduler.current
            self._waiters.append(me)
            try:
                woken = threads.scheduler.block(due)
            finally:
                self._waiters.remove(me)
            if not woken and self.returncode is None:
                raise subprocess.TimeoutExpired(self.args, timeout)
        return self.returncode

    def send_signal(self, sig):
        if self.returncode is not None:
            return
        self._signal = int(sig)
        thread = self._thread
        thread.killed = True
        threads.scheduler.wake(thread)

    def kill(self):
        self.send_signal(9)

    def terminate(self):
        self.send_signal(15)


#: The run's children that have not ended, by pid (for ``os.kill``).
_children = {}


def signal_child(pid, sig):
    """``os.kill(pid, sig)`` for a child of this run: its signal's default action (the
    child ends with -sig), or, for 0, only whether it is there."""
    child = _children.get(pid)
    if child is None:
        raise ProcessLookupError(3, "No such process")
    if sig:
        child.send_signal(sig)


def _end(kind, name):
    """(the parent's end, the child's) of one standard stream."""
    if kind == PIPE:
        parent, child = sockets.socketpair(buffer=PIPE_BUFFER)
        return parent, _Stdio(child)
    if kind is None:
        return None, _Stdio(inherit=None if name == "stdin" else name)
    if kind == DEVNULL:
        return None, _Stdio()
    fd = kind if isinstance(kind, int) else getattr(kind, "fileno", lambda: None)()
    from . import network

    sock = network.network.sockets.get(fd)
    if sock is None:
        raise OSError(9, f"a child's {name} here is a pipe, DEVNULL or inherited, not {kind!r}")
    return None, _Stdio(sock)


def _exit_status(exit_, process):
    code = exit_.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    process.child_err.write(f"{code}\n")
    return 1


def _child_traceback(error):
    """The traceback the child's Python prints: its own frames, not the runtime's."""
    tb = traceback.TracebackException.from_exception(error)
    for part in _chain(tb):
        part.stack = traceback.StackSummary.from_list(
            [f for f in part.stack if "asyncio_live" not in f.filename and "asyncio-live" not in f.filename])
    return "".join(tb.format())


def _chain(tb):
    while tb is not None:
        yield tb
        tb = tb.__cause__ or tb.__context__


# What a child runs.
def _program(argv):
    if not argv:
        raise IndexError("list index out of range")
    argv = [os.fsdecode(os.fspath(arg)) if isinstance(arg, (str, bytes, os.PathLike)) else arg for arg in argv]
    name = os.path.basename(argv[0])
    if argv[0] == sys.executable or name in _PYTHONS:
        return _python(argv[1:])
    command = _COMMANDS.get(name)
    if command is None:
        raise FileNotFoundError(2, "No such file or directory", argv[0])

    def run(process):
        try:
            return command(process, [str(a) for a in argv[1:]])
        except BrokenPipeError:
            return -13  # SIGPIPE's default action, as for a real `yes`

    return run


def _python(args):
    """``python [-u|-B|-E|-I|-S]... (-c CODE | -m MODULE | FILE | -) [ARGS]``."""
    while args and args[0] in ("-u", "-B", "-E", "-I", "-S", "-s", "-q"):
        args = args[1:]

    def run(process):
        if args and args[0] == "-c":
            code, name, process.argv = args[1], "<string>", ["-c", *args[2:]]
        elif args and args[0] == "-m":
            import runpy

            if args[1:3] in (["asyncio", "ps"], ["asyncio", "pstree"]) and len(args) == 4:
                return _asyncio_tool(process, args[2], args[3])

            process.argv = sys.argv = [args[1], *args[2:]]
            runpy.run_module(args[1], run_name="__main__", alter_sys=False)
            return 0
        elif args and args[0] != "-":
            name, process.argv = args[0], list(args)
            try:
                with open(name, encoding="utf-8") as file:
                    code = file.read()
            except FileNotFoundError:
                process.child_err.write(
                    f"python3: can't open file {os.path.abspath(name)!r}: [Errno 2] No such file or directory\n")
                return 2
        else:
            code, name, process.argv = process.child_in.read().decode(), "<stdin>", ["-", *args[1:]]
        process.main["__file__"] = name
        sys.argv = process.argv
        exec(compile(code, name, "exec"), process.main)
        return 0

    return run


def _asyncio_tool(process, command, pid):
    """``python -m asyncio ps|pstree PID`` for the run's own process: CPython's own
    table and tree (asyncio/tools.py), over what its ``_remote_debugging`` would read
    from the process's memory (which cannot be read here: it hung the run), taken from
    the run's running loops instead."""
    import asyncio.tools
    from collections import namedtuple

    from .loop import running_loops

    try:
        pid = int(pid)
    except ValueError:
        process.child_err.write(f"usage: python -m asyncio {command} [-h] pid\n"
                                f"python -m asyncio {command}: error: argument pid: invalid int value: {pid!r}\n")
        return 2
    if pid != _real_getpid():
        process.child_err.write("Error retrieving tasks: [Errno 3] No such process\n")
        return 1
    frame_info = namedtuple("FrameInfo", "filename lineno funcname")
    coro_info = namedtuple("CoroInfo", "call_stack task_name")
    task_info = namedtuple("TaskInfo", "task_id task_name coroutine_stack awaited_by")
    awaited_info = namedtuple("AwaitedInfo", "thread_id awaited_by")

    def frames(graph):
        return [frame_info(e.frame.f_code.co_filename, e.frame.f_lineno, e.frame.f_code.co_qualname)
                for e in graph.call_stack]

    result = []
    for loop in list(running_loops):
        tasks = []
        for task in asyncio.all_tasks(loop):
            graph = asyncio.capture_call_graph(task)
            awaiters = [coro_info(frames(parent), id(parent.future)) for parent in graph.awaited_by]
            tasks.append(task_info(id(task), task.get_name(), [coro_info(frames(graph), task.get_name())], awaiters))
        result.append(awaited_info(loop._thread_id, tasks))
    asyncio.tools.get_all_awaited_by = lambda pid: result
    if command == "ps":
        asyncio.tools.display_awaited_by_tasks_table(pid)
    else:
        asyncio.tools.display_awaited_by_tasks_tree(pid)
    return 0


def _sleep(process, args):
    import time

    time.sleep(float(args[0]) if args else 0)
    return 0


def _echo(process, args):
    newline = True
    if args and args[0] == "-n":
        newline, args = False, args[1:]
    process.child_out.write(" ".join(args) + ("\n" if newline else ""))
    return 0


def _cat(process, args):
    while chunk := (process.child_in.sock.recv(65536) if process.child_in.sock else b""):
        process.child_out.write(chunk)
    return 0


def _yes(process, args):
    line = (" ".join(args) or "y") + "\n"
    # In blocks, as GNU yes writes (a line at a time would take a Python call per line).
    block = line * max(1, 8192 // len(line))
    while True:
        process.child_out.write(block)


def _head(process, args):
    count = 10
    if args[:1] == ["-n"] and len(args) > 1:
        count = int(args[1])
    elif args and args[0].startswith("-") and args[0][1:].isdigit():
        count = int(args[0][1:])
    for _ in range(count):
        line = process.child_in.readline()
        if not line:
            break
        process.child_out.write(line)
    return 0


def _exit(process, args):
    return int(args[0]) & 0xFF if args else 0


_COMMANDS = types.MappingProxyType({
    "exit": _exit,
    "sleep": _sleep,
    "echo": _echo,
    "cat": _cat,
    "true": lambda process, args: 0,
    "false": lambda process, args: 1,
    "yes": _yes,
    "head": _head,
})


#: Shell syntax this shell does not have: a line with any of it is refused, not misread.
_UNSUPPORTED_SHELL = ("&&", "||", ";", ">", ">>", "<", "&", "(", ")", ";;", "<<", ">&", "<&", "|&")


def _shell_program(line):
    """``/bin/sh -c LINE``: commands joined by ``|``, the status of the last."""
    lexer = _shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    unsupported = [w for w in words if w in _UNSUPPORTED_SHELL or "$" in w or "`" in w]
    if unsupported:
        def refuse(process):
            process.child_err.write(
                f"/bin/sh: {unsupported[0]!r}: this page's shell runs one command, or commands joined "
                "by |; for more, start each child from Python\n")
            return 2

        return refuse
    stages = [[]]
    for word in words:
        if word == "|":
            stages.append([])
        else:
            stages[-1].append(word)

    def run(process):
        children, previous = [], process.child_in
        for n, words in enumerate(stages):
            last = n == len(stages) - 1
            if not last:
                read_end, write_end = sockets.socketpair(buffer=PIPE_BUFFER)
                out = _Stdio(write_end)
            else:
                out = process.child_out
            try:
                _program(words)
            except FileNotFoundError:
                process.child_err.write(f"/bin/sh: 1: {words[0]}: not found\n")
                if last:
                    return 127
                out.close()
                previous = _Stdio(read_end)
                continue
            children.append(Process(words, False, None, None, None, stdio=(previous, out, process.child_err)))
            previous = _Stdio(read_end) if not last else None
        status = 0
        for child in children:
            status = child.wait()
        return status

    return run


# subprocess.Popen, for blocking code (``subprocess.run``).
class Popen:
    """``subprocess.Popen`` over a child of this run: its pipes are file objects that
    block as CPython's do (while other threads run)."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None, preexec_fn=None,
                 close_fds=True, shell=False, cwd=None, env=None, universal_newlines=None, startupinfo=None,
                 creationflags=0, restore_signals=True, start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None, text=None, umask=-1,
                 pipesize=-1, process_group=None):
        self.args = args
        self._text = bool(text or universal_newlines or encoding or errors)
        self._encoding = encoding or "utf-8"
        self._errors = errors or "strict"
        if shell and not isinstance(args, str):
            args = " ".join(_quote(str(a)) for a in args)
        elif not shell and isinstance(args, (str, bytes)):
            args = [args]
        self._process = Process(args, shell, stdin, stdout, stderr)
        self.pid = self._process.pid
        self.stdin = self._file(self._process.stdin, "wb")
        self.stdout = self._file(self._process.stdout, "rb")
        self.stderr = self._file(self._process.stderr, "rb")

    def _file(self, sock, mode):
        if sock is None:
            return None
        raw = _SocketFile(sock, mode)
        if self._text:
            return io.TextIOWrapper(raw, encoding=self._encoding, errors=self._errors, write_through=True)
        return raw

    @property
    def returncode(self):
        return self._process.returncode

    def poll(self):
        return self._process.poll()

    def wait(self, timeout=None):
        return self._process.wait(timeout)

    def communicate(self, input=None, timeout=None):
        """Write ``input``, read stdout and stderr to their ends, all at once (as
        CPython does with a selector: a child that fills one pipe while the parent
        reads the other does not deadlock); ``timeout`` on the clock."""
        import selectors

        deadline = None if timeout is None else clock.elapsed() + timeout
        data = input.encode(self._encoding, self._errors) if isinstance(input, str) else (input or b"")
        chunks = {"stdout": [], "stderr": []}
        selector = selectors.DefaultSelector()
        for name in ("stdout", "stderr"):
            sock = getattr(self._process, name)
            if sock is not None and getattr(self, name) is not None:
                sock.setblocking(False)
                selector.register(sock, selectors.EVENT_READ, name)
        stdin = self._process.stdin if self.stdin is not None else None
        if stdin is not None:
            if data:
                stdin.setblocking(False)
                selector.register(stdin, selectors.EVENT_WRITE, "stdin")
            else:
                self.stdin.close()
        while selector.get_map():
            left = None if deadline is None else deadline - clock.elapsed()
            if left is not None and left <= 0:
                raise subprocess.TimeoutExpired(self.args, timeout)
            for key, _mask in selector.select(left):
                if key.data == "stdin":
                    try:
                        sent = stdin.send(data[:65536])
                    except (BrokenPipeError, ConnectionResetError):
                        sent = len(data)
                    except BlockingIOError:
                        continue
                    data = data[sent:]
                    if not data:
                        selector.unregister(stdin)
                        self.stdin.close()
                    continue
                try:
                    chunk = key.fileobj.recv(65536)
                except BlockingIOError:
                    continue
                if chunk:
                    chunks[key.data].append(chunk)
                else:
                    selector.unregister(key.fileobj)
        selector.close()
        self.wait(None if deadline is None else max(0.0, deadline - clock.elapsed()))
        out, err = (b"".join(chunks[n]) if getattr(self, n) is not None else None for n in ("stdout", "stderr"))
        if self._text:
            out, err = (None if b is None else b.decode(self._encoding, self._errors).replace("\r\n", "\n")
                        for b in (out, err))
        return out, err

    def send_signal(self, sig):
        self._process.send_signal(sig)

    def kill(self):
        self._process.kill()

    def terminate(self):
        self._process.terminate()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        for stream in (self.stdout, self.stderr, self.stdin):
            if stream is not None:
                try:
                    stream.close()
                except BrokenPipeError:
                    pass
        self.wait()

    def __repr__(self):
        return f"<Popen: returncode: {self.returncode} args: {self.args!r}>"


class _SocketFile(io.RawIOBase):
    """A pipe's end as a binary file, reading and writing its socket (blocking)."""

    def __init__(self, sock, mode):
        self._sock = sock
        self._mode = mode

    def readable(self):
        return "r" in self._mode

    def writable(self):
        return "w" in self._mode

    def readinto(self, buffer):
        return self._sock.recv_into(buffer)

    def write(self, data):
        self._sock.sendall(data)
        return len(data)

    def close(self):
        if not self.closed:
            self._sock.close()
        super().close()


# asyncio: the loop's side.
class SubprocessTransport(base_subprocess.BaseSubprocessTransport):
    """asyncio's subprocess transport over a child of this run: its pipes connect as
    sockets (VirtualLoop's pipe transports), its end is told through the loop."""

    def _start(self, args, shell, stdin, stdout, stderr, bufsize, **kwargs):
        loop = self._loop

        def exited(returncode):
            if not loop.is_closed():
                loop.call_soon_threadsafe(self._process_exited, returncode)

        if shell and not isinstance(args, str):
            args = " ".join(args)
        self._proc = Process(args, shell, stdin, stdout, stderr, on_exit=exited)


def route_stdin(keyboard_input, stdin):
    """``input`` and ``sys.stdin`` of a run (keyboard.py's), read by a child from its
    own standard input instead."""

    def routed_input(prompt=""):
        process = threads.scheduler.current.process
        if process is None:
            return keyboard_input(prompt)
        if prompt:
            sys.stdout.write(str(prompt))
        line = process.child_in.readline()
        if not line:
            raise EOFError("EOF when reading a line")
        return line.decode().rstrip("\n")

    class RoutedStdin(io.TextIOBase):
        def readable(self):
            return True

        def readline(self, size=-1):
            process = threads.scheduler.current.process
            return stdin.readline(size) if process is None else process.child_in.readline().decode()

        def read(self, size=-1):
            process = threads.scheduler.current.process
            return stdin.read(size) if process is None else process.child_in.read().decode()

        def fileno(self):
            return 0

    return named_as(routed_input, "input", "builtins"), RoutedStdin()


def reset():
    """Before each run: pids counted afresh, no child."""
    Process._pids = itertools.count(_real_getpid() + 1000)
    _children.clear()


def system(command):
    """``os.system``: the command runs as a child of the run (a shell line), its output
    the run's; the wait status, as CPython returns it (exit code << 8, or the signal)."""
    child = Process(os.fsdecode(command), True, None, None, None)
    status = child.wait()
    return (status & 0xFF) << 8 if status >= 0 else -status


def _no_host_processes(name):
    def refuse(*args, **kwargs):
        raise OSError(38, f"os.{name}() is not available here: a program's processes are "
                          "children of its run (subprocess, asyncio.create_subprocess_exec, os.system)")

    return named_as(refuse, name, "posix")


#: What in ``os`` would start or replace a process of the machine (in Node, Pyodide's
#: os.system runs a real shell): each refuses, saying what to use instead.
_HOST_PROCESS_CALLS = (
    "fork", "forkpty", "execv", "execve", "execl", "execle", "execlp", "execlpe", "execvp", "execvpe",
    "spawnv", "spawnve", "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnvp", "spawnvpe",
    "posix_spawn", "posix_spawnp",
)


def install():
    """Once per interpreter: ``subprocess.Popen`` and ``os.system`` run children of the
    run, nothing starts a process of the machine, and ``os.getpid`` answers for the
    process (child or not) that asks."""
    subprocess.Popen = Popen
    os.system = named_as(system, "system", "posix")
    for name in _HOST_PROCESS_CALLS:
        if hasattr(os, name):
            setattr(os, name, _no_host_processes(name))
    os.getpid = getpid


def getpid():
    process = threads.scheduler.current.process
    return process.pid if process is not None else _real_getpid()


named_as(getpid, "getpid", "posix")
