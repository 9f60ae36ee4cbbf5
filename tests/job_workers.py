"""Tests that kill or configure server processes choose which processes run jobs."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette

from core import jobs


@contextlib.asynccontextmanager
async def only_other_processes_run_jobs(app: Starlette) -> AsyncIterator[None]:
    """Stop the test server's own worker meanwhile: the processes under test run the jobs."""
    await app.state.jobs_worker.stop()
    try:
        yield
    finally:
        app.state.jobs_worker = await jobs.start_worker(app.state.settings, app.state.services)
