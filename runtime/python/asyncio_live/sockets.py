"""Sockets of the virtual network (network.py): ``socket.socket``'s interface over
connections in memory, with a Linux machine's behaviour on loopback, so that asyncio's
transports, written for real sockets, run on them unchanged.

A connection is two pipes, one each way. Bytes written arrive at the other end at the
time the link allows (at once on loopback); the writer may have at most
``CONNECTION_BUFFER`` bytes on their way or unread. Closing with unread data resets the
connection, as TCP does; writing to a peer that has closed earns a reset too.
"""

import collections
import errno
import socket as _socket

from . import network as _network
from .clock import clock

AF_INET, AF_INET6, SOCK_STREAM, SOCK_DGRAM = _socket.AF_INET, _socket.AF_INET6, _socket.SOCK_STREAM, _socket.SOCK_DGRAM

#: Bytes a connection holds between the writer's socket and the reader's program (its
#: send and receive buffers together). Past it, ``send`` takes nothing and a transport
#: buffers, pauses its protocol and makes ``drain()`` wait. Linux grows its buffers to
#: a few MB on loopback; a smaller figure shows backpressure sooner, which is the point.
CONNECTION_BUFFER = 1024 * 1024

#: This machine's address as a remote host sees it (a private address).
LOCAL_ADDRESS = "10.0.0.2"

_NOTHING_COMES = (
    "this program is waiting for something that can never happen: a blocking socket "
    "waits for {what}, and nothing in the program can send it (no other thread runs, "
    "and nothing is on its way over the network). In a real Python process it would "
    "hang here forever. Let another thread or task do the other side, or use asyncio "
    "(asyncio.open_connection, asyncio.start_server)."
)

#: ``socket.AF_UNIX`` (Linux's 1): Pyodide's socket module has none, and ``socketpair``
#: makes such sockets.
AF_UNIX = getattr(_socket, "AF_UNIX", None)
if AF_UNIX is None:
    AF_UNIX = int.__new__(_socket.AddressFamily, 1)
    AF_UNIX._name_, AF_UNIX._value_ = "AF_UNIX", 1
    _socket.AddressFamily._member_map_["AF_UNIX"] = AF_UNIX
    _socket.AddressFamily._value2member_map_[1] = AF_UNIX


class _Errno(int):
    """An error number: this Python's own (Emscripten's), so that it compares equal to
    ``errno.ECONNREFUSED`` and makes the right exception class, but shown as Linux shows
    it, so a message reads ``[Errno 111] Connect call failed`` as in CPython."""

    def __new__(cls, code):
        number = super().__new__(cls, code)
        number.linux, number.message = _LINUX[code]
        return number

    def __str__(self):
        return str(self.linux)

    __repr__ = __str__


#: Linux's number and message for each error the network raises.
_LINUX = {
    errno.ECONNREFUSED: (111, "Connection refused"),
    errno.EADDRINUSE: (98, "Address already in use"),
    errno.EADDRNOTAVAIL: (99, "Cannot assign requested address"),
    errno.EPIPE: (32, "Broken pipe"),
    errno.ECONNRESET: (104, "Connection reset by peer"),
    errno.EAGAIN: (11, "Resource temporarily unavailable"),
    errno.EINPROGRESS: (115, "Operation now in progress"),
    errno.EALREADY: (114, "Operation already in progress"),
    errno.ENOTCONN: (107, "Transport endpoint is not connected"),
    errno.EISCONN: (106, "Transport endpoint is already connected"),
    errno.EBADF: (9, "Bad file descriptor"),
    errno.EINVAL: (22, "Invalid argument"),
    errno.ENETUNREACH: (101, "Network is unreachable"),
    errno.EAFNOSUPPORT: (97, "Address family not supported by protocol"),
    errno.EPROTONOSUPPORT: (93, "Protocol not supported"),
    errno.EOPNOTSUPP: (95, "Operation not supported"),
    errno.EDESTADDRREQ: (89, "Destination address required"),
    errno.EMSGSIZE: (90, "Message too long"),
}


def oserror(code, cls=OSError, message=None):
    number = _Errno(code)
    return cls(number, message or number.message)


class _Pipe:
    """One direction of a connection: bytes written, each arriving at its time."""

    def __init__(self, link):
        self.link = link
        self.segments = collections.deque()  # [arrival time, bytearray]
        self.size = 0
        self.free_at = 0.0  # when the link has sent what it was given
        self.fin_at = None  # when the end of the stream arrives
        self.reset_at = None  # when a reset arrives

    def _arrival(self, size, now):
        start = max(now, self.free_at)
        sent = start + (size / self.link.bandwidth if self.link.bandwidth else 0.0)
        self.free_at = sent
        return sent + self.link.latency

    def push(self, data, now):
        arrival = self._arrival(len(data), now)
        if self.segments and self.segments[-1][0] == arrival:
            self.segments[-1][1] += data
        else:
            self.segments.append([arrival, bytearray(data)])
        self.size += len(data)

    def finish(self, now):
        if self.fin_at is None:
            self.fin_at = self._arrival(0, now)

    def reset(self, now):
        if self.reset_at is None:
            self.reset_at = now + self.link.latency

    def arrived(self, now):
        return bool(self.segments) and self.segments[0][0] <= now

    def at_eof(self, now):
        return not self.segments and self.fin_at is not None and self.fin_at <= now

    def take(self, size, now):
        taken = bytearray()
        while self.segments and self.segments[0][0] <= now and len(taken) < size:
            segment = self.segments[0][1]
            part = segment[: size - len(taken)]
            del segment[: len(part)]
            taken += part
            if not segment:
                self.segments.popleft()
        self.size -= len(taken)
        return bytes(taken)

    def next_time(self, now):
        """When something next arrives, if later than now."""
        first = self.segments[0][0] if self.segments else None
        later = [t for t in (first, self.fin_at, self.reset_at) if t is not None and t > now]
        return min(later) if later else None


_TYPE_FLAGS = getattr(_socket, "SOCK_NONBLOCK", 0) | getattr(_socket, "SOCK_CLOEXEC", 0)

#: CPython's own socket class, taken before network.py puts VirtualSocket in its place:
#: its ``makefile`` (buffered files over ``recv_into`` and ``send``) serves ours too.
_CPythonSocket = _socket.socket if not getattr(_socket.socket, "_virtual", False) else _socket.socket._cpython


class VirtualSocket:
    """A TCP socket of the virtual network, with ``socket.socket``'s interface (a UDP
    one is a DatagramSocket, below, made by the same call)."""

    _virtual = True
    _cpython = _CPythonSocket
    # What ``makefile``'s files count on (socket.SocketIO).
    _io_refs = 0
    _closed = False
    makefile = _CPythonSocket.makefile

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def __new__(cls, family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None):
        if cls is VirtualSocket and type & ~_TYPE_FLAGS == SOCK_DGRAM:
            cls = DatagramSocket
        return object.__new__(cls)

    def __init__(self, family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None):
        if fileno is not None:
            raise oserror(errno.EBADF)
        family = _socket.AddressFamily(family) if family in (AF_INET, AF_INET6) else family
        kind = type & ~_TYPE_FLAGS
        if family not in (AF_INET, AF_INET6, AF_UNIX):
            raise oserror(errno.EAFNOSUPPORT, OSError,
                          "only IPv4, IPv6 and AF_UNIX sockets exist on this page's network")
        if kind != SOCK_STREAM and not (kind == SOCK_DGRAM and isinstance(self, DatagramSocket)):
            raise oserror(errno.EPROTONOSUPPORT, OSError,
                          "only TCP (SOCK_STREAM) and UDP (SOCK_DGRAM) sockets exist on this page's network")
        self.family = family
        self.type = _socket.SocketKind(kind)
        self.proto = proto
        self._timeout = None
        self._options = {}
        self._bound = None
        self._peer_address = None
        self._state = "new"
        self._error = 0
        self._backlog = []  # accepted connections, for a listening socket: [arrival, socket, address]
        self._connected_at = None
        self._refused = False
        self._incoming = None  # _Pipe from the peer
        self._outgoing = None  # _Pipe to the peer
        self._peer = None
        self._shut_wr = False
        self._reset = False  # a reset arrived: sends fail
        self._service_loop = None  # the loop that serves a remote host's listener
        self._buffer = CONNECTION_BUFFER  # what the connection holds each way
        self._fd = _network.network.fd(self)

    # What a socket is.
    def fileno(self):
        return self._fd

    def __repr__(self):
        text = f"<socket.socket fd={self._fd}, family={int(self.family)}, type={int(self.type)}, proto={self.proto}"
        if self._fd == -1:
            return f"<socket.socket [closed] {text[len('<socket.socket '):]}>"
        # As CPython's: an address only where there is one.
        for name, address in (("laddr", self.getsockname), ("raddr", self.getpeername)):
            try:
                value = address()
            except OSError:
                continue
            if value:
                text += f", {name}={value}"
        return text + ">"

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def _address(self, pair):
        if self.family == AF_UNIX:
            return ""
        host, port = pair
        return (host, port, 0, 0) if self.family == AF_INET6 else (host, port)

    def getsockname(self):
        self._check_open()
        if self._bound is None:
            return self._address(("0.0.0.0" if self.family == AF_INET else "::", 0))
        return self._address(self._bound)

    def getpeername(self):
        self._check_open()
        if self._state != "connected":
            raise oserror(errno.ENOTCONN)
        return self._address(self._peer_address)

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def settimeout(self, value):
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def getblocking(self):
        return self._timeout != 0.0

    def setsockopt(self, level, option, value, optlen=None):
        self._check_open()
        self._options[(level, option)] = value

    def getsockopt(self, level, option, buflen=0):
        self._check_open()
        if (level, option) == (_socket.SOL_SOCKET, _socket.SO_ERROR):
            error, self._error = self._error, 0
            return error
        if (level, option) == (_socket.SOL_SOCKET, _socket.SO_TYPE):
            return int(self.type)
        return self._options.get((level, option), 0)

    def _check_open(self):
        if self._fd == -1:
            raise oserror(errno.EBADF)

    def _would_block(self, ready, what):
        """Nothing to take or give now: a non-blocking socket says so (BlockingIOError);
        a blocking one waits until ``ready(now)``, or its timeout (TimeoutError)."""
        if self._timeout == 0.0:
            raise oserror(errno.EAGAIN, BlockingIOError)
        _network.wait_for(self, ready, self._timeout, what)

    # Addresses.
    def _resolve(self, address):
        if self.family == AF_UNIX:
            # A socketpair's are connected already; one by path has nowhere to go.
            raise oserror(errno.EOPNOTSUPP, OSError,
                          "Unix sockets by path are not on this page's network (socketpair() works)")
        try:
            host, port = address[0], int(address[1])
        except (TypeError, IndexError, ValueError):
            family = "AF_INET" if self.family == AF_INET else "AF_INET6"
            raise TypeError(f"{family} address must be a tuple (host, port)") from None
        if not 0 <= port <= 65535:
            raise OverflowError("port must be 0-65535.")
        if host in ("", None):
            return ("0.0.0.0" if self.family == AF_INET else "::"), port
        resolved = _network.network.resolve(host) if not is_numeric(host) else host
        if resolved is None:
            raise _socket.gaierror(_socket.EAI_NONAME, "Name or service not known")
        return resolved, port

    def bind(self, address):
        self._check_open()
        if self._bound is not None:
            raise oserror(errno.EINVAL)
        host, port = self._resolve(address)
        if not _network.network.is_local(host) and host not in ("0.0.0.0", "::"):
            raise oserror(errno.EADDRNOTAVAIL)
        if port == 0:
            port = _network.network.ephemeral_port()
        elif _network.network.port_taken(self.family, self.type, host, port):
            raise oserror(errno.EADDRINUSE)
        self._bound = (host, port)

    def listen(self, backlog=128):
        self._check_open()
        if self._bound is None:
            self.bind(("", 0))
        self._state = "listening"
        _network.network.listeners[self._bound] = self

    def accept(self):
        self._check_open()
        if self._state != "listening":
            raise oserror(errno.EINVAL)
        now = clock.monotonic()
        if not (self._backlog and self._backlog[0][0] <= now):
            self._would_block(lambda now: bool(self._backlog) and self._backlog[0][0] <= now, "a connection")
            now = clock.monotonic()
        _arrival, conn, address = self._backlog.pop(0)
        return conn, self._address(address)

    # Connecting.
    def connect(self, address):
        self._check_open()
        if self._state == "connected":
            raise oserror(errno.EISCONN)
        if self._state == "connecting":
            raise oserror(errno.EALREADY)
        if self._timeout != 0.0:
            return self._connect_and_wait(address)
        host, port = self._resolve(address)
        if host == "0.0.0.0":
            host = "127.0.0.1"
        elif host == "::":
            host = "::1"
        now = clock.monotonic()
        local = _network.network.is_local(host)
        if not local and host not in _network.network.by_address:
            raise oserror(errno.ENETUNREACH)
        link = _network.network.link(host)
        if self._bound is None:
            self._bound = (host if local else LOCAL_ADDRESS, _network.network.ephemeral_port())
        self._peer_address = (host, port)
        self._state = "connecting"
        listener = _network.network.listener(self.family, host, port)
        # Connected, or refused, when the answer to the first packet is back: a round trip.
        self._connected_at = now + 2 * link.latency
        self._refused = listener is None
        if listener is not None:
            server_side = VirtualSocket(self.family, SOCK_STREAM, self.proto)
            server_side._bound = (host, port)
            server_side._peer_address = self._bound
            server_side._state = "connected"
            to_server, to_client = _Pipe(link), _Pipe(link)
            self._outgoing = server_side._incoming = to_server
            self._incoming = server_side._outgoing = to_client
            self._peer, server_side._peer = server_side, self
            # The server accepts when the handshake's last packet arrives.
            listener._backlog.append([now + 3 * link.latency, server_side, self._bound])
            _network.network.changed()
        raise oserror(errno.EINPROGRESS, BlockingIOError)

    def _connect_and_wait(self, address):
        """A blocking connect: under way, then waited for (a round trip)."""
        timeout, self._timeout = self._timeout, 0.0
        try:
            self.connect(address)
        except BlockingIOError:
            pass
        finally:
            self._timeout = timeout
        _network.wait_for(self, lambda now: self._settle_connect(now) or self._state != "connecting", timeout,
                          "its connection to be answered")
        if self._state == "refused":
            self._error = 0
            self._forget_peer()
            raise oserror(errno.ECONNREFUSED, ConnectionRefusedError)

    def connect_ex(self, address):
        try:
            self.connect(address)
        except OSError as error:
            return error.errno
        return 0

    def _settle_connect(self, now):
        if self._state == "connecting" and self._connected_at <= now:
            if self._refused:
                self._state = "refused"
                self._error = _Errno(errno.ECONNREFUSED)
            else:
                self._state = "connected"

    # Data.
    def _raise_pending(self, now):
        pipe = self._incoming
        if pipe is not None and pipe.reset_at is not None and pipe.reset_at <= now and not self._reset:
            self._reset = True
            raise oserror(errno.ECONNRESET, ConnectionResetError)

    def _room(self):
        return self._buffer - self._outgoing.size

    def send(self, data, flags=0):
        self._check_open()
        now = clock.monotonic()
        self._settle_connect(now)
        if self._state != "connected":
            raise oserror(errno.EPIPE if self._state == "refused" else errno.ENOTCONN)
        self._raise_pending(now)
        if self._reset or self._shut_wr:
            raise oserror(errno.EPIPE, BrokenPipeError)
        view = memoryview(data).cast("B")
        peer = self._peer
        if (peer is None or peer._fd == -1) and self.family == AF_UNIX:
            # A local socket knows at once that its peer is gone.
            raise oserror(errno.EPIPE, BrokenPipeError)
        if peer is None or peer._fd == -1:
            # The peer has closed: this data goes out, and its answer is a reset.
            self._incoming.reset(now)
            self._reset = True
            return len(view)
        room = self._room()
        if room <= 0:
            self._would_block(self._writable, "room to send (the other side reads nothing)")
            return self.send(view)
        taken = bytes(view[:room])
        self._outgoing.push(taken, now)
        _network.network.changed()
        return len(taken)

    def sendall(self, data, flags=0):
        view = memoryview(data).cast("B")
        sent = self.send(view)
        while sent < len(view):
            if self._timeout == 0.0:
                raise oserror(errno.EAGAIN, BlockingIOError)
            sent += self.send(view[sent:])

    def sendmsg(self, buffers, ancdata=(), flags=0, address=None):
        return self.send(b"".join(bytes(buffer) for buffer in buffers))

    def recv(self, size, flags=0):
        self._check_open()
        if size < 0:
            raise ValueError("negative buffersize in recv")
        now = clock.monotonic()
        self._settle_connect(now)
        if self._state == "new" or self._incoming is None:
            raise oserror(errno.ENOTCONN)
        pipe = self._incoming
        # What arrived before a reset is read first, then the reset (as Linux does).
        if not pipe.arrived(now):
            self._raise_pending(now)
        if pipe.arrived(now):
            data = pipe.take(size, now)
            # Room for the writer, who may be waiting for it in another thread.
            _network.network.changed()
            return data
        if pipe.at_eof(now) or self._reset:
            return b""
        self._would_block(self._readable, "data to read")
        return self.recv(size, flags)

    def recv_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer).cast("B")
        data = self.recv(nbytes or len(view))
        view[: len(data)] = data
        return len(data)

    def shutdown(self, how):
        self._check_open()
        now = clock.monotonic()
        reset = self._incoming is not None and self._incoming.reset_at is not None and self._incoming.reset_at <= now
        # A connection the peer reset is closed: Linux says it is not connected.
        if self._state != "connected" or reset:
            raise oserror(errno.ENOTCONN)
        if how in (_socket.SHUT_WR, _socket.SHUT_RDWR) and not self._shut_wr:
            self._shut_wr = True
            self._outgoing.finish(clock.monotonic())
            _network.network.changed()

    def close(self):
        if self._fd == -1:
            return
        now = clock.monotonic()
        if self._state == "listening":
            if _network.network.listeners.get(self._bound) is self:
                del _network.network.listeners[self._bound]
            for _arrival, conn, _address in self._backlog:
                conn._outgoing.reset(now)
                conn._forget()
            self._backlog.clear()
        elif self._state == "connected":
            # Unread data makes a reset; otherwise the peer reads to the end, then EOF.
            if self._incoming.size:
                self._outgoing.reset(now)
            elif not self._shut_wr:
                self._outgoing.finish(now)
        self._forget()
        _network.network.changed()

    def _forget_peer(self):
        self._peer_address = None
        self._state = "new"

    def _forget(self):
        _network.network.sockets.pop(self._fd, None)
        self._fd = -1
        self._bound = None
        if self._peer is not None and self._peer._peer is self:
            self._peer._peer = None
        self._peer = None

    # Readiness, for the selector.
    def _readable(self, now):
        if self._state == "listening":
            return bool(self._backlog) and self._backlog[0][0] <= now
        self._settle_connect(now)
        pipe = self._incoming
        if self._state == "refused":
            return True
        if pipe is None or self._state != "connected":
            return False
        return pipe.arrived(now) or pipe.at_eof(now) or (pipe.reset_at is not None and pipe.reset_at <= now)

    def _writable(self, now):
        self._settle_connect(now)
        if self._state == "refused":
            return True
        if self._state != "connected":
            return False
        if self._reset or self._shut_wr or self._peer is None:
            return True
        return self._room() > 0

    def _next_time(self, now):
        """When this socket next becomes ready, if later than now."""
        times = []
        if self._state == "listening" and self._backlog:
            times.append(self._backlog[0][0])
        if self._state == "connecting":
            times.append(self._connected_at)
        if self._incoming is not None:
            times.append(self._incoming.next_time(now))
        later = [t for t in times if t is not None and t > now]
        return min(later) if later else None


def socketpair(family=None, type=SOCK_STREAM, proto=0, *, buffer=CONNECTION_BUFFER):
    """``socket.socketpair``: two connected sockets (AF_UNIX, as on Linux), blocking.
    ``buffer``: what each way holds before its writer waits (a child's pipe: less)."""
    family = AF_UNIX if family is None else family
    if family != AF_UNIX:
        raise oserror(errno.EOPNOTSUPP)
    a, b = VirtualSocket(family, type, proto), VirtualSocket(family, type, proto)
    link = _network.network.link("127.0.0.1")
    one, two = _Pipe(link), _Pipe(link)
    a._outgoing = b._incoming = one
    a._incoming = b._outgoing = two
    a._peer, b._peer = b, a
    for sock in (a, b):
        sock._state = "connected"
        sock._bound = sock._peer_address = ("", 0)
        sock._buffer = buffer
    return a, b


#: The largest UDP payload over IPv4 (65,535 less the IP and UDP headers).
_LARGEST_DATAGRAM = 65507


class DatagramSocket(VirtualSocket):
    """A UDP socket of the virtual network: datagrams, each whole, arriving at the time
    the link allows; none arrives where nothing is bound. A connected one sends to its
    peer, hears only from it, and learns (at its next receive or send) that nothing
    listened there: ``ConnectionRefusedError``, as Linux reports the ICMP answer."""

    def __init__(self, family=AF_INET, type=SOCK_DGRAM, proto=0, fileno=None):
        super().__init__(family, type, proto, fileno)
        self._datagrams = collections.deque()  # [arrival, data, sender address]
        self._refused_at = None  # when "port unreachable" comes back

    def _own_address(self, host, *, connecting=False):
        """The address ``host`` sees this socket send from. An unbound one is bound
        first: to every address when it sends (``0.0.0.0``, as Linux does), to the one
        on the way to ``host`` when it connects."""
        local_ip = "127.0.0.1" if _network.network.is_local(host) else LOCAL_ADDRESS
        if self._bound is None:
            wildcard = "0.0.0.0" if self.family == AF_INET else "::"
            self._bound = (local_ip if connecting else wildcard, _network.network.ephemeral_port())
        bound_host, port = self._bound
        return (local_ip if bound_host in ("0.0.0.0", "::") else bound_host), port

    def connect(self, address):
        self._check_open()
        host, port = self._resolve(address)
        host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
        self._own_address(host, connecting=True)
        self._peer_address = (host, port)
        self._state = "connected"

    def connect_ex(self, address):
        self.connect(address)
        return 0

    def sendto(self, data, flags_or_address, address=None):
        self._check_open()
        address = flags_or_address if address is None else address
        view = memoryview(data).cast("B")
        if len(view) > _LARGEST_DATAGRAM:
            raise oserror(errno.EMSGSIZE)
        self._raise_refused(clock.monotonic())
        host, port = self._resolve(address)
        host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
        local = _network.network.is_local(host)
        if not local and host not in _network.network.by_address:
            raise oserror(errno.ENETUNREACH)
        sender = self._own_address(host)
        link = _network.network.link(host)
        now = clock.monotonic()
        target = _network.network.datagram_socket(self.family, host, port)
        if target is not None and (target._state != "connected" or target._peer_address == sender):
            target._datagrams.append([now + link.latency, bytes(view), sender])
            _network.network.changed()
        elif target is None and self._state == "connected" and (host, port) == self._peer_address:
            self._refused_at = now + 2 * link.latency
        return len(view)

    def send(self, data, flags=0):
        if self._state != "connected":
            raise oserror(errno.EDESTADDRREQ)
        return self.sendto(data, self._peer_address)

    def sendall(self, data, flags=0):
        self.send(data, flags)

    def _raise_refused(self, now):
        if self._refused_at is not None and self._refused_at <= now:
            self._refused_at = None
            raise oserror(errno.ECONNREFUSED, ConnectionRefusedError)

    def recvfrom(self, size, flags=0):
        self._check_open()
        if size < 0:
            raise ValueError("negative buffersize in recvfrom")
        now = clock.monotonic()
        self._raise_refused(now)
        if not (self._datagrams and self._datagrams[0][0] <= now):
            self._would_block(self._readable, "a datagram")
            return self.recvfrom(size, flags)
        _arrival, data, sender = self._datagrams.popleft()
        return data[:size], self._address(sender)

    def recv(self, size, flags=0):
        return self.recvfrom(size, flags)[0]

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer).cast("B")
        data, sender = self.recvfrom(nbytes or len(view), flags)
        view[: len(data)] = data
        return len(data), sender

    def recv_into(self, buffer, nbytes=0, flags=0):
        return self.recvfrom_into(buffer, nbytes, flags)[0]

    def listen(self, backlog=128):
        raise oserror(errno.EOPNOTSUPP)

    def accept(self):
        raise oserror(errno.EOPNOTSUPP)

    def shutdown(self, how):
        self._check_open()
        if self._state != "connected":
            raise oserror(errno.ENOTCONN)

    def close(self):
        if self._fd == -1:
            return
        self._datagrams.clear()
        self._forget()
        _network.network.changed()

    def _readable(self, now):
        arrived = bool(self._datagrams) and self._datagrams[0][0] <= now
        return arrived or (self._refused_at is not None and self._refused_at <= now)

    def _writable(self, now):
        return True

    def _next_time(self, now):
        times = [t for t in (self._datagrams[0][0] if self._datagrams else None, self._refused_at)
                 if t is not None and t > now]
        return min(times) if times else None


def is_numeric(host):
    for family in (AF_INET, AF_INET6):
        try:
            _socket.inet_pton(family, host)
        except (OSError, TypeError, ValueError):
            continue
        return True
    return False
