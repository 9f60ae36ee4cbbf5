"""A database that stops answering (frozen, not down: connections stay open and nothing comes
back) gives 503 UNAVAILABLE with Retry-After within the configured waits, /healthz answers
503 promptly, and the app recovers by itself once the database answers again."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest

from core import db_backend
from core.db import credentials
from tests.ws_conversation_client import app_process

COURSES = "{ courses(first: 1) { edges { node { id } } } }"
WAITS = {
    "DB_ACQUIRE_TIMEOUT_SECONDS": "1",
    "DB_CONNECT_TIMEOUT_SECONDS": "1",
    "DB_STATEMENT_TIMEOUT_SECONDS": "1",
    "JOBS_IN_SERVER": "0",
}


class FreezableProxy:
    """A TCP proxy in front of PostgreSQL that can stop passing bytes (a frozen server)."""

    def __init__(self, database_url: str) -> None:
        self.target = credentials(database_url)
        self.flowing = asyncio.Event()
        self.flowing.set()
        self.port = 0

    async def _upstream(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        host, port = self.target["host"], self.target["port"]
        if host.startswith("/"):  # the embedded server listens on a Unix socket
            return await asyncio.open_unix_connection(f"{host}/.s.PGSQL.{port}")
        return await asyncio.open_connection(host, port)

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.CancelledError):
            while data := await reader.read(65536):
                await self.flowing.wait()
                writer.write(data)
                await writer.drain()
        writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await self.flowing.wait()
        up_reader, up_writer = await self._upstream()
        await asyncio.gather(self._pump(reader, up_writer), self._pump(up_reader, writer))

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[FreezableProxy]:
        server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        async with server:
            yield self
            self.flowing.set()

    def url(self) -> str:
        database = self.target["database"]
        return f"postgres://{self.target['user']}@127.0.0.1:{self.port}/{database}"


async def _courses(http: httpx.AsyncClient) -> httpx.Response:
    return await http.post("/graphql", json={"query": COURSES})


async def test_a_frozen_database_gives_503_unavailable_then_recovers(
    database_url: str, server: str
) -> None:
    async with (
        FreezableProxy(database_url).running() as proxy,
        app_process(proxy.url(), **WAITS) as (url, _pid),
        httpx.AsyncClient(base_url=url, timeout=30) as http,
    ):
        assert (await _courses(http)).status_code == 200

        proxy.flowing.clear()
        started = time.monotonic()
        answer = await _courses(http)
        assert time.monotonic() - started < 5  # the statement wait (1 s) and a margin
        assert answer.status_code == 503
        assert answer.headers["Retry-After"] == "5"
        [error] = answer.json()["errors"]
        assert (error["message"], error["extensions"]["code"]) == (
            db_backend.UNAVAILABLE_MESSAGE,
            "UNAVAILABLE",
        )
        started = time.monotonic()
        health = await http.get("/healthz")
        assert (health.status_code, health.json()) == (503, {"status": "unavailable"})
        assert time.monotonic() - started < 4

        proxy.flowing.set()  # the database answers again: no restart needed
        async with asyncio.timeout(15):
            while True:
                if (await _courses(http)).status_code == 200:
                    break
                await asyncio.sleep(0.2)
        assert (await http.get("/healthz")).status_code == 200


def test_an_outage_is_logged_once_per_interval(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_backend, "_last_report", -db_backend.REPORT_INTERVAL_SECONDS)
    monkeypatch.setattr(db_backend, "_unreported", 0)
    with caplog.at_level(logging.ERROR, logger="lingograph.db"):
        for _ in range(50):
            db_backend.report_unavailable(TimeoutError("pool exhausted"))
    assert [r.getMessage() for r in caplog.records] == [
        "database unavailable: TimeoutError: pool exhausted (0 more failures since the last report)"
    ]


@pytest.mark.parametrize(
    ("error", "unavailable"),
    [
        (TimeoutError(), True),
        (ConnectionRefusedError(), True),
        (OSError(113, "No route to host"), True),
        (FileNotFoundError(), False),
        (ValueError("a bug"), False),
    ],
)
def test_what_counts_as_unavailable(error: BaseException, unavailable: bool) -> None:
    assert db_backend.is_unavailable(error) is unavailable


def test_a_cancelled_statement_is_unavailable() -> None:
    assert db_backend.is_unavailable(asyncpg.QueryCanceledError("canceling statement"))
    assert not db_backend.is_unavailable(asyncpg.UniqueViolationError("duplicate key"))
