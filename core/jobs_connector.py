"""procrastinate's connector interface on asyncpg, the driver the rest of the app uses.

procrastinate ships connectors for psycopg and aiopg only. This one lets a job be deferred on
the caller's own asyncpg connection — inside the Tortoise transaction of the change that
needs the job, so the job exists exactly when the change does — and runs the worker's queries
on a small pool of its own.

procrastinate writes its queries for psycopg (`%(name)s` placeholders, loosely typed
parameters); they are rewritten once per query to asyncpg's `$n`, and the parameter and
column types PostgreSQL reports for the query decide the conversions asyncpg will not make
itself: dicts travel as JSON text, non-text values bound to text parameters (e.g.
`%(seconds)s || ' SECOND'`) as their string, and json/jsonb columns come back decoded.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import AsyncIterator, Coroutine, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import asyncpg
from procrastinate import connector, exceptions, manager

log = logging.getLogger("lingograph.jobs")

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
_TEXT_TYPES = {"text", "varchar", "bpchar", "name"}
_JSON_TYPES = {"json", "jsonb"}


@dataclass(frozen=True)
class _Statement:
    """A procrastinate query in asyncpg's terms, with what its types require."""

    sql: str
    names: tuple[str, ...]  # argument name of each $n
    text_parameters: frozenset[int]  # indexes of parameters PostgreSQL types as text
    json_columns: frozenset[str]


def _rewrite(query: str) -> tuple[str, tuple[str, ...]]:
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in names:
            names.append(name)
        return f"${names.index(name) + 1}"

    return _PLACEHOLDER.sub(number, query), tuple(names)


def _jsonable(value: Any) -> Any:
    """Dicts as JSON text, through lists and tuples (the composite rows of `defer_jobs`)."""
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_jsonable(item) for item in value)
    return value


@contextlib.contextmanager
def _wrap_exceptions() -> Iterator[None]:
    try:
        yield
    except asyncpg.UniqueViolationError as error:
        queueing_lock = None
        if error.constraint_name == manager.QUEUEING_LOCK_CONSTRAINT:
            found = re.search(r"Key \(queueing_lock\)=\((.*?)\)", error.detail or "")
            queueing_lock = found.group(1) if found else None
        raise exceptions.UniqueViolation(
            constraint_name=error.constraint_name, queueing_lock=queueing_lock
        ) from error
    except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as error:
        raise exceptions.ConnectorException(str(error)) from error


class AsyncpgConnector(connector.BaseAsyncConnector):
    """procrastinate over asyncpg; `credentials` are asyncpg.connect keywords."""

    def __init__(self, credentials: dict[str, Any] | None = None, pool_size: int = 4) -> None:
        self.credentials = credentials or {}
        self.pool_size = pool_size
        self._pool: asyncpg.Pool | None = None
        self._statements: dict[str, _Statement] = {}

    def configure(self, credentials: dict[str, Any], pool_size: int) -> None:
        """Where to connect (known only once settings are read); before `open_async`."""
        self.credentials = credentials
        self.pool_size = pool_size

    def get_sync_connector(self) -> connector.BaseConnector:
        return self

    async def open_async(self, pool: Any = None) -> None:
        if self._pool is not None:
            return
        with _wrap_exceptions():
            self._pool = pool or await asyncpg.create_pool(
                **self.credentials, min_size=1, max_size=self.pool_size
            )

    async def close_async(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await pool.close()

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise exceptions.AppNotOpen
        return self._pool

    async def _statement(self, conn: asyncpg.Connection, query: str) -> _Statement:
        known = self._statements.get(query)
        if known is None:
            sql, names = _rewrite(query)
            prepared = await conn.prepare(sql)
            known = _Statement(
                sql=sql,
                names=names,
                text_parameters=frozenset(
                    i for i, t in enumerate(prepared.get_parameters()) if t.name in _TEXT_TYPES
                ),
                json_columns=frozenset(
                    a.name for a in prepared.get_attributes() if a.type.name in _JSON_TYPES
                ),
            )
            self._statements[query] = known
        return known

    async def _fetch(
        self, conn: asyncpg.Connection, query: str, arguments: dict[str, Any]
    ) -> list[dict[str, Any]]:
        with _wrap_exceptions():
            statement = await self._statement(conn, query)
            values = []
            for index, name in enumerate(statement.names):
                value = _jsonable(arguments[name])
                if index in statement.text_parameters and not isinstance(value, str | None):
                    value = str(value)
                values.append(value)
            records = await conn.fetch(statement.sql, *values)
        rows = [dict(record) for record in records]
        for column in statement.json_columns:
            for row in rows:
                if isinstance(row.get(column), str):
                    row[column] = json.loads(row[column])
        return rows

    @contextlib.asynccontextmanager
    async def _connection(self) -> AsyncIterator[asyncpg.Connection]:
        with _wrap_exceptions():
            async with self.pool.acquire() as conn:
                yield conn

    async def execute_query_async(self, query: Any, **arguments: Any) -> None:
        async with self._connection() as conn:
            await self._fetch(conn, query, arguments)

    async def execute_query_one_async(self, query: Any, **arguments: Any) -> dict[str, Any]:
        async with self._connection() as conn:
            rows = await self._fetch(conn, query, arguments)
        if not rows:
            raise exceptions.NoResult
        return rows[0]

    async def execute_query_all_async(self, query: Any, **arguments: Any) -> list[dict[str, Any]]:
        async with self._connection() as conn:
            return await self._fetch(conn, query, arguments)

    async def execute_query_one_async_with_connection(
        self, connection: Any, query: Any, **arguments: Any
    ) -> dict[str, Any]:
        rows = await self._fetch(connection, query, arguments)
        if not rows:
            raise exceptions.NoResult
        return rows[0]

    async def execute_query_all_async_with_connection(
        self, connection: Any, query: Any, **arguments: Any
    ) -> list[dict[str, Any]]:
        return await self._fetch(connection, query, arguments)

    async def listen_notify(
        self, on_notification: connector.Notify, channels: Iterable[str]
    ) -> None:
        """LISTEN on a connection of its own, reconnecting whenever it is lost, until cancelled."""
        channels = list(channels)
        pending: set[asyncio.Task[Any]] = set()

        def deliver(_conn: Any, _pid: int, channel: str, payload: str) -> None:
            handled = on_notification(channel=channel, payload=payload)
            assert isinstance(handled, Coroutine)
            task = asyncio.create_task(handled)
            pending.add(task)
            task.add_done_callback(pending.discard)

        while True:
            conn: asyncpg.Connection | None = None
            try:
                conn = await asyncpg.connect(**self.credentials)
                for channel in channels:
                    await conn.add_listener(channel, deliver)
                while True:  # notifications arrive through `deliver`; check the line now and then
                    await asyncio.sleep(connector.LISTEN_TIMEOUT)
                    await conn.fetchval("SELECT 1")
            except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as error:
                log.warning("job notifications interrupted (%s); reconnecting", error)
                await asyncio.sleep(1.0)
            finally:
                if conn is not None and not conn.is_closed():
                    conn.terminate()
