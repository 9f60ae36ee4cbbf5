"""A pool connection given back by a cancelled task is not handed to the next request.

asyncpg prepares a statement with Parse/Describe/Flush and sends Bind/Execute/Sync after:
a task cancelled in between (graphql-core cancels a field's siblings when one fails) leaves
PostgreSQL waiting for the rest, with the statement's timer running. Our pool connections
skip asyncpg's reset on release (core/db.py `PooledConnection`), so nothing resynchronised
such a connection, and whoever took it next got `canceling statement due to statement
timeout` (503 UNAVAILABLE) once the dead statement's timer ran out.
"""

from __future__ import annotations

import asyncio
import uuid

import asyncpg

from core import db
from core.db import PooledConnection
from core.db_backend import BoundedPool

TIMEOUT_MS = 200
TRIALS = 12  # cancelled after 0 … 11 loop turns: some land between Flush and Bind


async def _pool(database_url: str) -> BoundedPool:
    pool = BoundedPool(
        None,
        acquire_timeout=5,
        min_size=TRIALS,
        max_size=TRIALS,
        max_queries=50000,
        max_inactive_connection_lifetime=300.0,
        connection_class=PooledConnection,
        record_class=asyncpg.Record,
        loop=None,
        connect=None,
        setup=None,
        init=None,
        reset=None,
        **db.credentials(database_url),
        server_settings={"statement_timeout": str(TIMEOUT_MS)},
    )
    await pool
    return pool


async def _statements_cancelled_midway(pool: BoundedPool) -> None:
    """TRIALS tasks, each on a connection of its own, run a statement; the k-th is cancelled
    k loop turns after they started. Each gives its connection back itself, as the ORM does."""
    acquired = [asyncio.Event() for _ in range(TRIALS)]

    async def statement(k: int) -> None:
        async with pool.acquire() as connection:
            acquired[k].set()
            await asyncio.gather(*(event.wait() for event in acquired))
            # A statement text of its own: asyncpg prepares it (no cached statement).
            query = f"SELECT x FROM unnest($1::uuid[]) x /* {uuid.uuid4()} */"
            await connection.fetch(query, [uuid.uuid4()])

    tasks = [asyncio.ensure_future(statement(k)) for k in range(TRIALS)]
    await asyncio.gather(*(event.wait() for event in acquired))
    for task in tasks:
        task.cancel()
        await asyncio.sleep(0)
    await asyncio.gather(*tasks, return_exceptions=True)


async def test_a_connection_released_by_a_cancelled_task_does_not_fail_the_next_one(
    database_url: str,
) -> None:
    pool = await _pool(database_url)
    try:
        await _statements_cancelled_midway(pool)
        await asyncio.sleep(TIMEOUT_MS / 1000 * 2)  # every dead statement's timer ran out
        held = [await pool.acquire() for _ in range(TRIALS)]  # every connection of the pool
        try:
            answers = await asyncio.gather(
                *(connection.fetchval("SELECT 1") for connection in held),
                return_exceptions=True,
            )
        finally:
            for connection in held:
                await pool.release(connection)
        assert answers == [1] * TRIALS
    finally:
        await pool.close()
