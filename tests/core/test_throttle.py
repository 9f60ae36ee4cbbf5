"""The PostgreSQL throttle (core/throttle.py): backoff, quotas, forgiving, clean-up, races."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from core import throttle
from core.rows import fetch_records
from core.throttle import Limit, Throttled

_keys = itertools.count(1)
BACKOFF = Limit(
    scope="test:backoff", free=2, window_seconds=3600, backoff_seconds=10, backoff_max_seconds=35
)
QUOTA = Limit(scope="test:quota", free=3, window_seconds=600)


def fresh_key() -> str:
    return f"key-{next(_keys)}"


async def refused_for(limit: Limit, key: str) -> int:
    with pytest.raises(Throttled) as refusal:
        await throttle.attempt((limit, key))
    return refusal.value.retry_after


async def let_the_wait_pass(limit: Limit, key: str) -> None:
    await fetch_records(
        "UPDATE throttles SET blocked_until = now() WHERE scope = $1 AND key = $2",
        [limit.scope, key],
    )


async def test_backoff_doubles_past_the_free_attempts_up_to_the_cap(server: str) -> None:
    key = fresh_key()
    await throttle.attempt((BACKOFF, key))
    assert await throttle.retry_after(BACKOFF, key) == 0
    await throttle.attempt((BACKOFF, key))
    for wait in (10, 20, 35, 35):
        assert await refused_for(BACKOFF, key) == wait
        assert await throttle.retry_after(BACKOFF, key) == wait
        await let_the_wait_pass(BACKOFF, key)
        await throttle.attempt((BACKOFF, key))  # judged normally once the wait has passed


async def test_a_quota_refuses_until_its_window_ends(server: str) -> None:
    key = fresh_key()
    for _ in range(3):
        await throttle.attempt((QUOTA, key))
    assert 595 <= await refused_for(QUOTA, key) <= 600
    await fetch_records(
        "UPDATE throttles SET expires_at = now(), blocked_until = now() WHERE key = $1", [key]
    )
    await throttle.attempt((QUOTA, key))
    rows = await fetch_records("SELECT hits FROM throttles WHERE key = $1", [key])
    assert rows[0]["hits"] == 1


async def test_a_refusal_counts_nowhere(server: str) -> None:
    open_key, full_key = fresh_key(), fresh_key()
    for _ in range(3):
        await throttle.attempt((QUOTA, full_key))
    with pytest.raises(Throttled):
        await throttle.attempt((BACKOFF, open_key), (QUOTA, full_key))
    rows = await fetch_records("SELECT hits FROM throttles WHERE key = $1", [open_key])
    assert [dict(r) for r in rows] == [{"hits": 0}]


async def test_forgiving_takes_an_attempt_back(server: str) -> None:
    key = fresh_key()
    await throttle.attempt((BACKOFF, key))
    await throttle.attempt((BACKOFF, key))
    assert await throttle.retry_after(BACKOFF, key) == 10
    await throttle.forgive(BACKOFF, key)
    assert await throttle.retry_after(BACKOFF, key) == 0
    await throttle.attempt((BACKOFF, key))
    assert await throttle.retry_after(BACKOFF, key) == 10
    await throttle.clear(BACKOFF.scope, key)
    assert await fetch_records("SELECT 1 FROM throttles WHERE key = $1", [key]) == []


async def test_concurrent_attempts_are_each_counted_once(server: str) -> None:
    key = fresh_key()
    limit = Limit(scope="test:race", free=5, window_seconds=60)
    results = await asyncio.gather(
        *(throttle.attempt((limit, key)) for _ in range(12)), return_exceptions=True
    )
    assert results.count(None) == 5
    assert all(isinstance(r, Throttled) and 55 <= r.retry_after <= 60 for r in results if r)


async def test_expired_rows_are_purged(server: str) -> None:
    gone, waiting, live = fresh_key(), fresh_key(), fresh_key()
    for key in (gone, waiting, live):
        await throttle.attempt((BACKOFF, key))
    await fetch_records(
        "UPDATE throttles SET expires_at = now() - interval '1 second' WHERE key = ANY($1)",
        [[gone, waiting]],
    )
    await fetch_records(
        "UPDATE throttles SET blocked_until = now() + interval '1 minute' WHERE key = $1",
        [waiting],
    )
    while await throttle.purge_expired(batch=100):
        pass
    rows = await fetch_records(
        "SELECT key FROM throttles WHERE key = ANY($1) ORDER BY key", [[gone, waiting, live]]
    )
    assert sorted(r["key"] for r in rows) == sorted([waiting, live])


def test_the_refusal_says_when() -> None:
    assert str(Throttled(QUOTA, 1)) == "Too many attempts; try again in 1 second."
    assert Throttled(QUOTA, 0).retry_after == 1
    assert Throttled(QUOTA, 90).message == "Too many attempts; try again in 90 seconds."
