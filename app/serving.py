"""How uvicorn holds connections: a deadline for request headers, and a bounded drain.

uvicorn closes a keep-alive connection that stays idle between requests
(`timeout_keep_alive`), but nothing bounds the time a client takes to send a request's
headers: a connection that opens and says nothing, or sends half a request line and then one
byte every few seconds (slowloris), is held open for as long as the client likes. The
protocols below are uvicorn's own HTTP/1.1 implementations with one addition, a header
deadline (`HEADER_TIMEOUT_SECONDS`):

- it starts when the connection opens, and for each later request on a keep-alive
  connection when the request's first byte arrives (the time before that is uvicorn's idle
  keep-alive timeout);
- it stops when the request's headers are complete; the body, the application's work and the
  answer are not bounded by it;
- when it expires the connection is closed: with `408 Request Timeout` (and
  `Connection: close`) when part of a request arrived, silently when nothing did (a browser's
  pre-opened connection must not read an answer to a request it never sent).

`timeout_graceful_shutdown` bounds the drain on shutdown: uvicorn stops accepting, closes
idle connections, lets requests in flight finish (answered with `Connection: close`) for up
to `SHUTDOWN_GRACE_SECONDS`, then cancels what is left and runs the app's lifespan shutdown.

`timeout_worker_healthcheck`: with `--workers N` the supervisor kills a worker that does not
answer its ping within this time, and a worker answers only once it has re-imported
`main.py` (the spawn start method), which takes 3 s of CPU. uvicorn's 5 s default killed
every worker of a server started on a busy 2-core machine, over and over (a restart loop
that never served); `WORKER_HEALTHCHECK_SECONDS` leaves room.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from typing import Any

import h11
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from core.settings import Settings

log = logging.getLogger("uvicorn.error")

DEFAULT_HEADER_TIMEOUT = 10.0  # Settings.header_timeout_seconds' default
WORKER_HEALTHCHECK_SECONDS = 30  # a worker's start-up and each later ping, --workers N

REQUEST_TIMEOUT_BODY = b"The request headers did not arrive in time."
REQUEST_TIMEOUT_HEAD = (
    b"HTTP/1.1 408 Request Timeout\r\n"
    b"content-type: text/plain; charset=utf-8\r\n"
    b"content-length: " + str(len(REQUEST_TIMEOUT_BODY)).encode() + b"\r\n"
    b"connection: close\r\n"
)


class HeaderDeadline:
    """One connection's header timer: closes the transport unless stopped in time."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        seconds: float,
        expire: Callable[[], None],
    ) -> None:
        self.loop = loop
        self.seconds = seconds
        self.expire = expire
        self.handle: asyncio.TimerHandle | None = None

    def start(self) -> None:
        """Start the timer unless it runs already (a deadline is never pushed back)."""
        if self.handle is None:
            self.handle = self.loop.call_later(self.seconds, self._fire)

    def stop(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.handle = None

    def _fire(self) -> None:
        self.handle = None
        self.expire()


def close_slow_connection(
    transport: asyncio.Transport,
    default_headers: list[tuple[bytes, bytes]],
    client: tuple[str, int] | None,
    answer: bool,
) -> None:
    """Close a connection whose request headers did not arrive in time (408 if `answer`)."""
    if transport.is_closing():
        return
    log.debug("closing %s: request headers not received in time", client)
    if answer:
        extra = b"".join(name + b": " + value + b"\r\n" for name, value in default_headers)
        transport.write(REQUEST_TIMEOUT_HEAD + extra + b"\r\n" + REQUEST_TIMEOUT_BODY)
    transport.close()


class HeaderTimeoutHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol (the default when httptools is installed) with a header
    deadline. The parser's callbacks mark a request's first byte (`on_message_begin`) and the
    end of its headers (`on_headers_complete`)."""

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
        header_timeout: float = DEFAULT_HEADER_TIMEOUT,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.header_deadline = HeaderDeadline(self.loop, header_timeout, self._headers_late)
        self.request_begun = False  # part of a request arrived, its headers are incomplete

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.header_deadline.start()

    def connection_lost(self, exc: Exception | None) -> None:
        self.header_deadline.stop()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.request_begun = True
        self.header_deadline.start()

    def on_headers_complete(self) -> None:
        # First: a WebSocket upgrade hands the transport to another protocol inside.
        self.request_begun = False
        self.header_deadline.stop()
        super().on_headers_complete()

    def _headers_late(self) -> None:
        close_slow_connection(
            self.transport, self.server_state.default_headers, self.client, self.request_begun
        )


class HeaderTimeoutH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a header deadline. h11 has no per-byte callbacks; its
    state tells the same: the client's side is IDLE until a request's headers are parsed."""

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
        header_timeout: float = DEFAULT_HEADER_TIMEOUT,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.header_deadline = HeaderDeadline(self.loop, header_timeout, self._headers_late)

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.header_deadline.start()

    def connection_lost(self, exc: Exception | None) -> None:
        self.header_deadline.stop()
        super().connection_lost(exc)

    def _awaiting_headers(self) -> bool:
        return self.conn.their_state is h11.IDLE

    def data_received(self, data: bytes) -> None:
        if data and self._awaiting_headers():
            self.header_deadline.start()  # the first byte of a request
        super().data_received(data)
        self._follow_state()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # may start a pipelined request already received
        self._follow_state()

    def _follow_state(self) -> None:
        if not self._awaiting_headers():
            self.header_deadline.stop()
        elif self.conn.trailing_data[0]:
            self.header_deadline.start()  # part of the next request is buffered

    def _headers_late(self) -> None:
        begun = bool(self.conn.trailing_data[0])
        close_slow_connection(self.transport, self.server_state.default_headers, self.client, begun)


PROTOCOLS: dict[str, type[HeaderTimeoutHttpToolsProtocol] | type[HeaderTimeoutH11Protocol]] = {
    "httptools": HeaderTimeoutHttpToolsProtocol,
    "h11": HeaderTimeoutH11Protocol,
}


def http_protocol(header_timeout: float, implementation: str = "httptools") -> Any:
    """uvicorn's `http` option: the protocol class with its header deadline bound.

    A `functools.partial` of a module-level class, so the option pickles into the worker
    processes `--workers N` spawns.
    """
    return functools.partial(PROTOCOLS[implementation], header_timeout=header_timeout)


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """The uvicorn options of the connection limits above, from the settings."""
    return {
        "http": http_protocol(settings.header_timeout_seconds),
        # Requests in flight at shutdown get this long to finish, then are cancelled.
        "timeout_graceful_shutdown": settings.shutdown_grace_seconds,
        "timeout_worker_healthcheck": WORKER_HEALTHCHECK_SECONDS,
        # The client's address is decided once, by TRUSTED_PROXIES (core/clients.py): uvicorn
        # must not rewrite it from X-Forwarded-For on its own (it does for 127.0.0.1 peers).
        "proxy_headers": False,
    }
