"""The one place that knows how to reach PostgreSQL.

Resolves the database URL (``DATABASE_URL`` or an embedded pgserver under ``.data/``),
builds the Tortoise configuration, applies aerich migrations, and creates/drops databases
for tests and benchmarks.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import asyncpg
from tortoise import Tortoise

from core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = ROOT / "migrations"
EMBEDDED_DATA = ROOT / ".data" / "pg"

log = logging.getLogger(__name__)
_embedded_server = None


def embedded_database_url() -> str:
    """Start (or reuse) the embedded PostgreSQL under .data/ and return its URL."""
    global _embedded_server
    if _embedded_server is None:
        import pgserver

        EMBEDDED_DATA.mkdir(parents=True, exist_ok=True)
        _embedded_server = pgserver.get_server(EMBEDDED_DATA, cleanup_mode="stop")
        log.info("embedded PostgreSQL running in %s", EMBEDDED_DATA)
    return _embedded_server.get_uri("postgres")


def resolve_database_url(url: str | None) -> str:
    return url or embedded_database_url()


def with_database(url: str, database: str) -> str:
    """The same server URL pointing at another database."""
    parsed = urlparse(url)
    return parsed._replace(path="/" + database).geturl()


def credentials(url: str) -> dict:
    """asyncpg connection keywords from a postgres:// URL (host may be a socket directory)."""
    parsed = urlparse(url)
    query = parse_qs(parsed.query)
    host = query.get("host", [parsed.hostname or "127.0.0.1"])[0]
    return {
        "host": host,
        "port": parsed.port or int(query.get("port", ["5432"])[0]),
        "user": unquote(parsed.username or "postgres"),
        "password": unquote(parsed.password or ""),
        "database": (parsed.path or "/postgres").lstrip("/") or "postgres",
    }


class PooledConnection(asyncpg.Connection):
    """A pool connection that is not reset when released.

    The ORM takes a pool connection for every statement outside a transaction, and asyncpg
    resets it on release with one more round trip (`pg_advisory_unlock_all(); CLOSE ALL;
    UNLISTEN *; RESET ALL;`). That doubled the statements PostgreSQL ran for a read. None of
    that state is ever left behind here: the code takes no advisory locks, opens no cursors
    outside transactions, never LISTENs on a pool connection (core/pubsub.py listens on its
    own) and never changes session settings. A connection given back by a cancelled task,
    which may be mid-statement, is closed instead (core/db_backend.py `BoundedPool.release`).
    """

    def get_reset_query(self) -> str:
        return ""


@dataclass(frozen=True)
class Waits:
    """How long the app waits on the database (seconds; None: unbounded, e.g. migrations)."""

    acquire: float | None = None  # for a pool connection
    connect: float | None = None  # for a new connection
    statement: float | None = None  # for one statement

    @classmethod
    def of(cls, settings: Settings) -> Waits:
        return cls(
            acquire=settings.db_acquire_timeout_seconds,
            connect=settings.db_connect_timeout_seconds,
            statement=settings.db_statement_timeout_seconds,
        )

    def connection_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {}
        if self.acquire is not None:
            options["acquire_timeout"] = self.acquire
        if self.connect is not None:
            options["timeout"] = self.connect
        if self.statement is not None:
            # The server cancels a long statement (a clean error; the connection stays usable);
            # the client gives up a second later when the server itself does not answer.
            options["server_settings"] = {"statement_timeout": str(int(self.statement * 1000))}
            options["command_timeout"] = self.statement + 1.0
        return options


MAX_CACHED_STATEMENT_BYTES = 512 * 1024


def tortoise_config(
    url: str,
    models: Sequence[str],
    pool_min: int = 1,
    pool_max: int = 10,
    waits: Waits | None = None,
) -> dict:
    """Tortoise's configuration; `models` are the domains' model modules (schema.root's
    MODEL_MODULES), to which aerich's own table is added. The engine is core/db_backend.py:
    asyncpg with bounded `waits`."""
    return {
        "connections": {
            "default": {
                "engine": "core.db_backend",
                "credentials": {
                    **credentials(url),
                    "minsize": pool_min,
                    "maxsize": pool_max,
                    "connection_class": PooledConnection,
                    # asyncpg prepares a statement once per connection and keeps it, unless
                    # its text is over 15 KB; the read compiler's statements (engine/
                    # compiler) run longer, and re-planning one per request would cost more
                    # than running it.
                    "max_cacheable_statement_size": MAX_CACHED_STATEMENT_BYTES,
                    **(waits or Waits()).connection_options(),
                },
            }
        },
        "apps": {"models": {"models": [*models, "aerich.models"], "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


async def init_orm(config: dict) -> None:
    # Tortoise 1.x keeps its state in a contextvar; the global fallback lets every request
    # (each in its own task/context) see the connections the lifespan opened.
    await Tortoise.init(config=config, _enable_global_fallback=True)


async def close_orm() -> None:
    await Tortoise.close_connections()


async def apply_migrations(config: dict) -> list[str]:
    """Apply every aerich migration not yet applied; returns the applied file names."""
    from aerich import Command

    async with Command(tortoise_config=config, app="models", location=str(MIGRATIONS)) as cmd:
        await cmd.init()
        return await cmd.upgrade(run_in_transaction=True)


async def create_database(server_url: str, name: str) -> str:
    conn = await asyncpg.connect(**credentials(with_database(server_url, "postgres")))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return with_database(server_url, name)


async def drop_database(server_url: str, name: str) -> None:
    conn = await asyncpg.connect(**credentials(with_database(server_url, "postgres")))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def database_exists(server_url: str, name: str) -> bool:
    conn = await asyncpg.connect(**credentials(with_database(server_url, "postgres")))
    try:
        return bool(await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name))
    finally:
        await conn.close()
