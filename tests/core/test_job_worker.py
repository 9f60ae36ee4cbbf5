"""A process's job worker outlives failures (core/jobs.py `_work`): when another worker's
sweep has removed it as stalled (this process froze longer than JOB_STALLED_SECONDS, e.g. a
long synchronous step), its next fetch fails, and it starts again rather than leaving the
process serving with no worker."""

from __future__ import annotations

import logging

import pytest
from starlette.applications import Starlette
from tortoise import connections

from app.maintenance import purge_expired
from core import jobs

FROZEN = "UPDATE procrastinate_workers SET last_heartbeat = now() - interval '1 hour'"


async def _workers() -> list[int]:
    rows = await connections.get("default").execute_query_dict(
        "SELECT id FROM procrastinate_workers ORDER BY id"
    )
    return [row["id"] for row in rows]


async def test_a_worker_swept_as_stalled_starts_again_and_runs_the_jobs(
    app: Starlette, server: str, caplog: pytest.LogCaptureFixture
) -> None:
    await jobs.wait_until_idle()
    before = await _workers()
    assert len(before) == 1  # the test server's own
    await connections.get("default").execute_query(FROZEN)
    await jobs.recover_stalled(app.state.settings)  # as any other worker's sweep would
    assert await _workers() == []

    with caplog.at_level(logging.ERROR, logger="lingograph.jobs"):
        await jobs.defer(purge_expired, timestamp=0)
        await jobs.wait_until_idle(within=30)

    assert [r.getMessage() for r in caplog.records if r.name == "lingograph.jobs"] == [
        "the job worker failed; it starts again in 1 s"
    ]
    after = await _workers()
    assert len(after) == 1 and after[0] > before[0]  # registered again, under a new id
