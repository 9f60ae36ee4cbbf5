"""A process's job worker outlives failures (core/jobs.py `_work`): it starts again when it
stops on its own, whether its fetch failed (another worker's sweep removed it as stalled:
this process froze longer than JOB_STALLED_SECONDS, e.g. a long synchronous step) or
procrastinate stopped it because a side task failed (a heartbeat could not be written). The
process never serves on with no worker."""

from __future__ import annotations

import asyncio
import dataclasses
import logging

import pytest
from procrastinate.exceptions import ConnectorException
from starlette.applications import Starlette
from tortoise import connections
from tortoise.transactions import in_transaction

from app.maintenance import purge_expired
from core import jobs
from tests.job_workers import only_other_processes_run_jobs

FROZEN = "UPDATE procrastinate_workers SET last_heartbeat = now() - interval '1 hour'"
PRUNE = "SELECT procrastinate_prune_stalled_workers_v1($1)"  # what the sweep runs


async def _workers() -> list[int]:
    rows = await connections.get("default").execute_query_dict(
        "SELECT id FROM procrastinate_workers ORDER BY id"
    )
    return [row["id"] for row in rows]


def _restarts(caplog: pytest.LogCaptureFixture) -> list[tuple[str, type | None]]:
    return [
        (r.getMessage().rpartition("; ")[2], r.exc_info[0] if r.exc_info else None)
        for r in caplog.records
        if r.name == "lingograph.jobs"
    ]


async def test_a_worker_swept_as_stalled_starts_again_and_runs_the_jobs(
    app: Starlette, server: str, caplog: pytest.LogCaptureFixture
) -> None:
    await jobs.wait_until_idle()
    before = await _workers()  # the test server's own (and any killed process's, not yet swept)
    assert before
    # As another worker's sweep would, in one transaction: no heartbeat can slip between.
    async with in_transaction() as connection:
        await connection.execute_query(FROZEN)
        await connection.execute_query(PRUNE, [app.state.settings.job_stalled_seconds])
    assert await _workers() == []

    with caplog.at_level(logging.ERROR, logger="lingograph.jobs"):
        await jobs.defer(purge_expired, timestamp=0)  # its fetch names the removed worker
        await jobs.wait_until_idle(within=30)

    assert _restarts(caplog) == [("it starts again in 1 s", ConnectorException)]
    after = await _workers()
    assert len(after) == 1 and after[0] > max(before)  # registered again, under a new id


async def test_a_worker_stopped_by_a_failed_heartbeat_starts_again(
    app: Starlette, server: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    manager = jobs.queue.job_manager
    beat = manager.update_heartbeat
    failed = asyncio.Event()

    async def beat_once_failing(worker_id: int) -> None:
        if not failed.is_set():
            failed.set()
            raise ConnectorException("the database is away")
        await beat(worker_id)

    settings = dataclasses.replace(app.state.settings, job_heartbeat_seconds=0.1)
    async with only_other_processes_run_jobs(app):
        with caplog.at_level(logging.ERROR, logger="lingograph.jobs"):
            monkeypatch.setattr(manager, "update_heartbeat", beat_once_failing)
            worker = await jobs.start_worker(settings, app.state.services)
            try:
                await asyncio.wait_for(failed.wait(), 10)
                await jobs.defer(purge_expired, timestamp=0)
                await jobs.wait_until_idle(within=30)
            finally:
                await worker.stop()
    assert _restarts(caplog) == [("it starts again in 1 s", None)]
