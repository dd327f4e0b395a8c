"""The network of a run: TCP sockets in memory, on the virtual clock.

The browser gives a program no sockets, so asyncio's ``start_server`` and
``open_connection`` had nothing to stand on. This module gives it sockets that behave
as a Linux machine's do on loopback (connect, accept, send, recv, shutdown, close, the
errors and their numbers), and a selector that says which of them are ready. The event
loop is then CPython's own selector loop: its transports, servers, streams and error
messages run unchanged, so what a program sees is what CPython does with real sockets.

Nothing leaves the worker: every socket lives in this module's ``Network``, which a run
starts empty. Besides loopback there are only the hosts a program (or an example's
hidden setup) puts on the network with ``host()``, each with a latency and a bandwidth,
so that a slow server is slow on the clock. Any other name fails as DNS does.
"""

import itertools
import math
import select
import selectors
import socket as _socket
from asyncio import selector_events

from . import threads
from .clock import clock
from . import sockets
from .sockets import LOCAL_ADDRESS, VirtualSocket, is_numeric

AF_INET, AF_INET6, SOCK_STREAM = _socket.AF_INET, _socket.AF_INET6, _socket.SOCK_STREAM

#: Where remote hosts get their addresses (TEST-NET-3, reserved for documentation).
_REMOTE_NET = "203.0.113."
_LOOPBACK_NAMES = {"localhost": "127.0.0.1", "localhost.localdomain": "127.0.0.1", "ip6-localhost": "::1"}
_FIRST_FD = 6
_FIRST_EPHEMERAL_PORT = 40000


class Host:
    """A remote machine: its address, the delay each way, the bytes a second its link
    carries (None: no limit), and the services it answers on, by port."""

    def __init__(self, name, address, latency, bandwidth):
        self.name = name
        self.address = address
        self.latency = latency
        self.bandwidth = bandwidth
        self.services = {}


#: What a path on this machine costs: nothing (a remote host's path costs its latency
#: and bandwidth; the pipes of a connection read both from a Host).
_LOOPBACK = Host("localhost", "127.0.0.1", 0.0, None)


class Network:
    """Every socket, listener and host of the current run."""

    def __init__(self):
        self.reset()

    def reset(self):
        for sock in list(getattr(self, "sockets", {}).values()):
            sock._forget()
        self.sockets = {}
        self.hosts = {}
        self.by_address = {}
        self.listeners = {}
        # Threads waiting for something on the network (a blocking socket, a selector).
        self.waiting = set()
        self._fds = itertools.count(_FIRST_FD)
        self._ports = itertools.count(_FIRST_EPHEMERAL_PORT)
        self._addresses = itertools.count(1)

    def add_host(self, name, latency, bandwidth):
        key = name.lower().rstrip(".")
        if key in _LOOPBACK_NAMES:
            raise ValueError(f"{name!r} is this machine; give a remote host another name")
        host = self.hosts.get(key)
        if host is None:
            host = Host(key, f"{_REMOTE_NET}{next(self._addresses)}", latency, bandwidth)
            self.hosts[key] = host
            self.by_address[host.address] = host
        host.latency, host.bandwidth = latency, bandwidth
        return host

    def wait(self, due, on_deadlock=None):
        """The running thread waits for the network (or ``due``): woken by ``changed``."""
        scheduler = threads.scheduler
        me = scheduler.current
        self.waiting.add(me)
        try:
            return scheduler.block(due, on_deadlock=on_deadlock)
        finally:
            self.waiting.discard(me)

    def changed(self):
        """Something was sent, connected or closed: every thread waiting on the network
        looks again (when one thread writes, another may be blocked reading)."""
        if self.waiting:
            for thread in list(self.waiting):
                threads.scheduler.wake(thread)

    def resolve(self, name):
        """The address of a name, as DNS would give it; None for an unknown name."""
        key = str(name).lower().rstrip(".")
        if key in _LOOPBACK_NAMES:
            return _LOOPBACK_NAMES[key]
        host = self.hosts.get(key)
        return host.address if host else None

    def link(self, address):
        """What the path to ``address`` costs: its host's latency and bandwidth."""
        return self.by_address.get(address, _LOOPBACK)

    def is_local(self, address):
        return address.startswith("127.") or address in ("::1", "0.0.0.0", "::", LOCAL_ADDRESS)

    def fd(self, sock):
        fd = next(self._fds)
        self.sockets[fd] = sock
        return fd

    def ephemeral_port(self):
        return next(self._ports)

    def port_taken(self, family, kind, address, port):
        for sock in self.sockets.values():
            if sock._bound is None or sock.family != family or sock.type != kind or sock._bound[1] != port:
                continue
            other = sock._bound[0]
            if other == address or other in ("0.0.0.0", "::") or address in ("0.0.0.0", "::"):
                return True
        return False

    def datagram_socket(self, family, address, port):
        """The UDP socket bound where a datagram to ``address:port`` arrives, if any."""
        wildcard = "0.0.0.0" if family == AF_INET else "::"
        for sock in self.sockets.values():
            if sock.type == _socket.SOCK_DGRAM and sock.family == family and sock._bound is not None:
                host, bound_port = sock._bound
                if bound_port == port and (host == address or host == wildcard and self.is_local(address)):
                    return sock
        return None

    def listener(self, family, address, port):
        """The listening socket a connection to ``address:port`` reaches, if any."""
        wildcard = "0.0.0.0" if family == AF_INET else "::"
        found = self.listeners.get((address, port)) or (
            self.listeners.get((wildcard, port)) if self.is_local(address) else None
        )
        if found is not None and found._service_loop not in (None, _running_loop()):
            # A host's service from an earlier asyncio.run: serve this loop instead.
            found.close()
            found = None
        if found is None and address in self.by_address:
            found = self._start_service(self.by_address[address], port)
        return found

    def _start_service(self, host, port):
        """A host's service answers from the first connection to it, in the loop of the
        program that connects (a real server would be running all along)."""
        handler = host.services.get(port)
        if handler is None:
            return None
        import asyncio
        from asyncio import base_events

        loop = _running_loop()
        if loop is None:
            return None
        sock = VirtualSocket(AF_INET, SOCK_STREAM, _socket.IPPROTO_TCP)
        sock.setblocking(False)
        sock._bound = (host.address, port)
        sock.listen(100)

        def protocol():
            reader = asyncio.StreamReader(limit=2**16, loop=loop)
            return asyncio.StreamReaderProtocol(reader, handler, loop=loop)

        server = base_events.Server(loop, [sock], protocol, None, 100, None, None)
        server._start_serving()
        sock._service_loop = loop
        return sock


network = Network()


def _running_loop():
    from asyncio import events

    return events._get_running_loop()


class VirtualSelector(selectors._BaseSelectorImpl):
    """Which sockets are ready; when none is, the clock moves to the next timer or the
    next arrival on the network, whichever comes first."""

    def __init__(self, on_nothing_to_wait_for, next_deadline):
        super().__init__()
        self._on_nothing = on_nothing_to_wait_for
        # The loop's earliest timer (None: none). asyncio waits at most a day per turn
        # (MAXIMUM_SELECT_TIMEOUT); the virtual clock jumps straight to the timer, so a
        # sleep of a thousand years is one turn, and a timer at infinity is never due.
        self._next_deadline = next_deadline
        # The thread waiting in ``select``, while one does.
        self._waiter = None

    def _ready(self, now):
        ready = []
        for key in list(self._fd_to_key.values()):
            sock = network.sockets.get(key.fd)
            if sock is None:
                continue
            mask = 0
            if key.events & selectors.EVENT_READ and sock._readable(now):
                mask |= selectors.EVENT_READ
            if key.events & selectors.EVENT_WRITE and sock._writable(now):
                mask |= selectors.EVENT_WRITE
            if mask:
                ready.append((key, mask))
        return ready

    def select(self, timeout=None):
        now = clock.monotonic()
        ready = self._ready(now)
        if ready or timeout is not None and timeout <= 0:
            return ready
        arrivals = [t for t in (network.sockets[key.fd]._next_time(now) for key in self._fd_to_key.values()
                                if key.fd in network.sockets) if t is not None]
        wait = min(arrivals) - now if arrivals else None
        deadline = self._next_deadline() if timeout is not None else None
        if deadline is not None:
            timeout = None if math.isinf(deadline) else max(timeout, deadline - now)
        if timeout is not None:
            wait = timeout if wait is None else min(wait, timeout)
        if threads.scheduler.busy:
            # Other threads run while this loop waits; one may wake it (``wake``).
            woken = self._wait_among_threads(None if wait is None else clock.elapsed() + wait)
            if not woken and deadline is not None and wait == timeout:
                clock.advance_to(deadline)
            return self._ready(clock.monotonic())
        if wait is None:
            self._nothing_to_wait_for()
        if deadline is not None and wait == timeout:
            clock.advance_to(deadline)
        else:
            clock.advance(wait)
        return self._ready(clock.monotonic())

    def _nothing_to_wait_for(self):
        states = {network.sockets[key.fd]._state for key in self._fd_to_key.values() if key.fd in network.sockets}
        self._on_nothing(listening="listening" in states, connected="connected" in states)

    def _wait_among_threads(self, due):
        self._waiter = threads.scheduler.current
        try:
            return network.wait(due, on_deadlock=self._nothing_to_wait_for)
        finally:
            self._waiter = None

    def wake(self):
        """Another thread scheduled a callback on this loop: its wait ends now."""
        if self._waiter is not None:
            threads.scheduler.wake(self._waiter)

    def close(self):
        super().close()


def _getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """``socket.getaddrinfo`` on the virtual network: loopback, numeric addresses, and
    the hosts put on it; anything else fails as DNS does for an unknown name."""
    if isinstance(port, str):
        port = {"http": 80, "https": 443}.get(port, port)
        try:
            port = int(port)
        except ValueError:
            raise _socket.gaierror(_socket.EAI_SERVICE, "Servname not supported for ai_socktype") from None
    port = 0 if port is None else port
    if host is None:
        if flags & _socket.AI_PASSIVE:
            addresses = [(AF_INET, "0.0.0.0"), (AF_INET6, "::")]
        else:
            addresses = [(AF_INET, "127.0.0.1"), (AF_INET6, "::1")]
    else:
        if isinstance(host, bytes):
            host = host.decode("idna")
        if is_numeric(host):
            addresses = [(AF_INET6 if ":" in host else AF_INET, host)]
        else:
            address = network.resolve(host)
            if address is None:
                raise _socket.gaierror(_socket.EAI_NONAME, "Name or service not known")
            addresses = [(AF_INET6 if ":" in address else AF_INET, address)]
    if family not in (0, _socket.AF_UNSPEC):
        addresses = [(f, a) for f, a in addresses if f == family]
        if not addresses:
            raise _socket.gaierror(_socket.EAI_ADDRFAMILY if host else _socket.EAI_FAMILY,
                                   "Address family for hostname not supported")
    kinds = [type] if type else [SOCK_STREAM]
    result = []
    for f, address in addresses:
        for kind in kinds:
            sockaddr = (address, port, 0, 0) if f == AF_INET6 else (address, port)
            family_, kind_ = _socket.AddressFamily(f), _socket.SocketKind(kind)
            default_proto = _socket.IPPROTO_UDP if kind == _socket.SOCK_DGRAM else _socket.IPPROTO_TCP
            result.append((family_, kind_, proto or default_proto, "", sockaddr))
    return result


def _gethostbyname(name):
    return _getaddrinfo(name, 0, AF_INET)[0][4][0]


class EpollSelector(VirtualSelector):
    """``selectors.DefaultSelector`` (Linux's is the epoll one, hence the name), and what
    ``select.select`` and a plain ``asyncio.SelectorEventLoop`` use: the virtual
    network's selector outside any VirtualLoop. Its timeouts are waits on the virtual
    clock."""

    def __init__(self):
        super().__init__(_selector_waits_forever, lambda: None)


def _selector_waits_forever(listening, connected):
    from .loop import WaitsForever

    raise WaitsForever(sockets._NOTHING_COMES.format(what="a socket it watches to be ready"))


def _select(rlist, wlist, xlist, timeout=None):
    """``select.select`` over the virtual network's sockets."""
    if timeout is not None:
        if not isinstance(timeout, (int, float)):
            raise TypeError("timeout must be a float or None")
        if timeout < 0:
            raise ValueError("timeout must be non-negative")
    selector = EpollSelector()
    wanted = {}
    for objects, event in ((rlist, selectors.EVENT_READ), (wlist, selectors.EVENT_WRITE)):
        for obj in objects:
            key = selector._fileobj_lookup(obj)
            wanted.setdefault(key, [obj, 0])[1] |= event
    for fd, (obj, events) in wanted.items():
        selector.register(fd, events, obj)
    ready = selector.select(timeout)
    selector.close()
    readable = [obj for obj in rlist if any(k.data is obj and m & selectors.EVENT_READ for k, m in ready)]
    writable = [obj for obj in wlist if any(k.data is obj and m & selectors.EVENT_WRITE for k, m in ready)]
    return readable, writable, []


class _Poll:
    """``select.poll()`` over the virtual network's sockets (timeouts in milliseconds)."""

    def __init__(self):
        self._selector = EpollSelector()
        self._masks = {}

    def register(self, fd, eventmask=select.POLLIN | select.POLLPRI | select.POLLOUT):
        fd = selectors._fileobj_to_fd(fd)
        self._masks[fd] = eventmask
        events = (selectors.EVENT_READ if eventmask & (select.POLLIN | select.POLLPRI) else 0) | (
            selectors.EVENT_WRITE if eventmask & select.POLLOUT else 0)
        if fd in self._selector._fd_to_key:
            self._selector.modify(fd, events or selectors.EVENT_READ)
        else:
            self._selector.register(fd, events or selectors.EVENT_READ)

    modify = register

    def unregister(self, fd):
        fd = selectors._fileobj_to_fd(fd)
        del self._masks[fd]
        self._selector.unregister(fd)

    def poll(self, timeout=None):
        seconds = None if timeout is None or timeout < 0 else timeout / 1000
        ready = []
        for key, mask in self._selector.select(seconds):
            events = (select.POLLIN if mask & selectors.EVENT_READ else 0) | (
                select.POLLOUT if mask & selectors.EVENT_WRITE else 0)
            ready.append((key.fd, events & self._masks.get(key.fd, events) or events))
        return ready


def wait_for(sock, ready, timeout, what):
    """A blocking socket waits until ``ready(now)``: other threads run meanwhile, and
    the clock moves to the next arrival. ``timeout`` (seconds, None: none) ends it with
    TimeoutError, as CPython's ``socket.timeout``."""
    scheduler = threads.scheduler
    deadline = None if timeout is None else clock.elapsed() + timeout
    while True:
        now = clock.monotonic()
        if ready(now):
            return
        if deadline is not None and deadline - clock.elapsed() <= 1e-9:
            raise TimeoutError("timed out")
        arrival = sock._next_time(now)
        due = None if arrival is None else clock.elapsed() + (arrival - now)
        if deadline is not None and (due is None or deadline < due):
            due = deadline
        if scheduler.busy:
            network.wait(due)
        elif due is None:
            from .loop import WaitsForever

            raise WaitsForever(sockets._NOTHING_COMES.format(what=what))
        else:
            clock.advance(due - clock.elapsed())


def install():
    """Give ``socket`` the virtual sockets (once, at boot: asyncio's modules look them
    up in ``socket`` when they run)."""
    _socket.socket = VirtualSocket
    _socket.SocketType = VirtualSocket
    _socket.getaddrinfo = _getaddrinfo
    _socket.gethostbyname = _gethostbyname
    _socket.socketpair = sockets.socketpair
    _socket.AF_UNIX = sockets.AF_UNIX
    # Every selector class a module may have picked (socketserver takes PollSelector).
    for name in ("DefaultSelector", "EpollSelector", "PollSelector", "SelectSelector"):
        setattr(selectors, name, EpollSelector)
    select.select = _select
    select.poll = _Poll
    # asyncio.start_server sets it; Pyodide's socket module lacks it (Linux's value).
    if not hasattr(_socket, "SO_REUSEADDR"):
        _socket.SO_REUSEADDR = 2


def host(name, *, latency=0.0, bandwidth=None, serve=None, port=80):
    """Put a remote host on the network, for a program to connect to by name.

    ``latency``: seconds each way (connecting costs a round trip); ``bandwidth``: bytes a
    second each way (None: no limit); ``serve``: a handler ``async def handler(reader,
    writer)``, as ``asyncio.start_server`` takes, that answers on ``port``. Call again
    with another port to add a service. Returns the host's address.
    """
    if not (isinstance(latency, (int, float)) and math.isfinite(latency) and latency >= 0):
        raise ValueError("latency must be a number of seconds, 0 or more")
    if bandwidth is not None and not (isinstance(bandwidth, (int, float)) and bandwidth > 0):
        raise ValueError("bandwidth must be a number of bytes a second, more than 0 (or None)")
    added = network.add_host(name, float(latency), bandwidth)
    if serve is not None:
        added.services[int(port)] = serve
    return added.address


#: asyncio's coroutines that wait on a connection, by qualified name: what the wait is,
#: and where the coroutine's frame keeps what leads to the other end.
_WAITS = {
    "StreamReader._wait_for_data": ("read", "self"),
    "FlowControlMixin._drain_helper": ("drain", "self"),
    "StreamWriter.wait_closed": ("close", "self"),
    "BaseSelectorEventLoop.sock_connect": ("connect", "address"),
    "BaseEventLoop._create_connection_transport": ("connect", "sock"),
    "BaseSelectorEventLoop.sock_recv": ("read", "sock"),
    "BaseSelectorEventLoop.sock_sendall": ("drain", "sock"),
    "Server.serve_forever": ("serve", "self"),
    "Server.wait_closed": ("close", "self"),
}


def describe_wait(qualname, frame):
    """For the trace: a task's wait on the network, as protocol.ts's WaitTarget, or None
    for a wait of another kind."""
    wait = _WAITS.get(qualname)
    if wait is None:
        return None
    action, name = wait
    try:
        peer = _peer_name(frame.f_locals.get(name))
    except Exception:  # noqa: BLE001 - a program may have broken these objects; the wait is still a wait
        peer = None
    return {"kind": "network", "action": action, "peer": peer}


def _peer_name(thing):
    """``shop.example:80`` for what leads to a connection (a stream, a protocol, a
    transport, a socket, an address), or None."""
    address = None
    if isinstance(thing, tuple):
        address = thing
    elif isinstance(thing, VirtualSocket):
        address = thing._peer_address
    else:
        transport = getattr(thing, "_transport", None)
        if transport is not None:
            address = transport.get_extra_info("peername")
        elif getattr(thing, "_sockets", None):
            address = thing._sockets[0].getsockname()
    if not address:
        return None
    host = network.by_address.get(address[0])
    return f"{host.name if host else address[0]}:{address[1]}"


#: Bytes a connection may hold in its program's own write buffer (what ``write`` queued
#: and the connection has not taken). CPython lets it grow until memory runs out; here a
#: program that writes without ``drain`` gets a clear error long before the worker's
#: memory limit would end it.
MAX_WRITE_BUFFER = 64 * 1024 * 1024


class WriteBufferFull(RuntimeError):
    """A connection's write buffer passed ``MAX_WRITE_BUFFER``."""


_WRITE_BUFFER_FULL = (
    "this connection has {size:,} bytes waiting to be sent, more than the {limit:,} a "
    "connection may hold here: the program writes faster than the other side reads. "
    "Call `await writer.drain()` after writing, so the writer waits while the buffer is full."
)


class BoundedSocketTransport(selector_events._SelectorSocketTransport):
    """CPython's socket transport, with a bound on what its buffer may hold."""

    def _check_room(self, size):
        waiting = self.get_write_buffer_size()
        if waiting and waiting + size > MAX_WRITE_BUFFER:
            raise WriteBufferFull(_WRITE_BUFFER_FULL.format(size=waiting + size, limit=MAX_WRITE_BUFFER))

    def write(self, data):
        self._check_room(len(data))
        super().write(data)

    def writelines(self, list_of_data):
        list_of_data = list(list_of_data)
        self._check_room(sum(map(len, list_of_data)))
        super().writelines(list_of_data)


# A program that prints its transport, or its type, sees CPython's name for it.
BoundedSocketTransport.__name__ = BoundedSocketTransport.__qualname__ = "_SelectorSocketTransport"
BoundedSocketTransport.__module__ = "asyncio.selector_events"


class WritePipeTransport(BoundedSocketTransport):
    """A child's stdin, as the parent writes it: a socket transport that never reads
    (a write pipe's protocol takes no data and no end of it)."""

    def __init__(self, loop, sock, protocol, waiter=None, extra=None, server=None):
        super().__init__(loop, sock, protocol, waiter, extra, server)
        self._paused = True

    def is_reading(self):
        return False
