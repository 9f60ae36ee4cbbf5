"""Tortoise's asyncpg backend with every wait on the database bounded.

Tortoise acquires pool connections without a timeout, so with the database frozen every
request waited as long as the freeze. Here a pool hands out a connection within
`acquire_timeout` seconds or raises TimeoutError; the connection options (core/db.py) bound
connecting (`timeout`) and each statement (asyncpg's `command_timeout` on the client, the
server's `statement_timeout`). What these failures raise is recognised by `is_unavailable`.

Named as the engine in core/db.py's Tortoise configuration.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import socket
import time
from typing import Any

import asyncpg
from tortoise.backends.asyncpg import AsyncpgDBClient
from tortoise.exceptions import DBConnectionError, OperationalError


class BoundedPool(asyncpg.Pool):
    """An asyncpg pool whose `acquire` waits at most `acquire_timeout` seconds by default,
    and which closes a connection given back by a cancelled task (see `release`)."""

    def __init__(self, *args: Any, acquire_timeout: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.acquire_timeout = acquire_timeout

    def acquire(self, *, timeout: float | None = None) -> Any:
        if timeout is None and self._queue.empty():
            timeout = self.acquire_timeout
        # With a connection idle there is nothing to wait for: no timeout, since asyncpg runs
        # a timed acquire as a task of its own with a timer (a task per statement).
        return super().acquire(timeout=timeout)

    async def release(
        self,
        connection: Any,
        *,
        timeout: float | None = None,  # noqa: ASYNC109 (asyncpg's)
    ) -> None:
        """A task cancelled mid-statement (graphql-core cancels a failed field's siblings)
        can leave PostgreSQL waiting for the rest of it: asyncpg prepares with
        Parse/Describe/Flush and sends Bind/Execute/Sync after, and the statement's timer
        keeps running. Our connections skip asyncpg's reset on release (core/db.py
        `PooledConnection`), so the next request on it would get that dead statement's
        `statement timeout`: such a connection is closed instead (the pool opens another)."""
        task = asyncio.current_task()
        if task is not None and task.cancelling() and not connection.is_closed():
            connection.terminate()
        await super().release(connection, timeout=timeout)


class BoundedAsyncpgClient(AsyncpgDBClient):
    async def create_pool(self, **kwargs: Any) -> asyncpg.Pool:
        # The arguments asyncpg.create_pool would take, with its defaults.
        acquire_timeout = kwargs.pop("acquire_timeout", None)
        pool = BoundedPool(
            None,
            acquire_timeout=acquire_timeout,
            min_size=kwargs.pop("min_size", 10),
            max_size=kwargs.pop("max_size", 10),
            max_queries=kwargs.pop("max_queries", 50000),
            max_inactive_connection_lifetime=kwargs.pop("max_inactive_connection_lifetime", 300.0),
            connection_class=kwargs.pop("connection_class", asyncpg.Connection),
            record_class=kwargs.pop("record_class", asyncpg.Record),
            loop=kwargs.pop("loop", None),
            connect=None,
            setup=None,
            init=None,
            reset=None,
            **kwargs,
        )
        await pool
        return pool


client_class = BoundedAsyncpgClient

# SQLSTATE classes and codes meaning "not now" rather than "wrong": connection exceptions,
# insufficient resources, operator intervention (shutdown, cancel by statement_timeout,
# cannot connect now), and serialization failures that a retry resolves.
_UNAVAILABLE_STATES = ("08", "53", "57", "40001", "40P01")
_NETWORK_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ECONNREFUSED, errno.ETIMEDOUT}


def is_unavailable(error: BaseException | None) -> bool:
    """Whether `error` (or what caused it) means the database cannot serve now: a timeout,
    a lost or refused connection, a cancelled statement, a server shutting down."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(
            error,
            TimeoutError
            | ConnectionError
            | socket.gaierror
            | DBConnectionError
            | asyncpg.ConnectionDoesNotExistError,
        ):
            return True
        if isinstance(error, OSError) and error.errno in _NETWORK_ERRNOS:
            return True
        state = getattr(error, "sqlstate", None)
        if isinstance(state, str) and state.startswith(_UNAVAILABLE_STATES):
            return True
        if isinstance(error, OperationalError) and error.args:
            inner = error.args[0]
            if isinstance(inner, BaseException) and inner is not error.__cause__:
                return is_unavailable(inner)
        error = error.__cause__ or error.__context__
        seen += 1
    return False


UNAVAILABLE_MESSAGE = "The service is briefly unavailable; please retry shortly."
REPORT_INTERVAL_SECONDS = 10.0
_log = logging.getLogger("lingograph.db")
_last_report = -REPORT_INTERVAL_SECONDS
_unreported = 0


def report_unavailable(error: BaseException) -> None:
    """Log that the database is unavailable — once per interval, not once per request: an
    outage must not flood the log with one traceback per request."""
    global _last_report, _unreported
    now = time.monotonic()
    if now - _last_report < REPORT_INTERVAL_SECONDS:
        _unreported += 1
        return
    _log.error(
        "database unavailable: %s: %s (%d more failures since the last report)",
        type(error).__name__,
        error,
        _unreported,
    )
    _last_report, _unreported = now, 0
