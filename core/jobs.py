"""The job queue: work that must happen after the answer, and must not be lost.

procrastinate keeps jobs in PostgreSQL (migration 8). `defer` writes a job on the caller's
connection, inside its transaction: the job exists exactly when the change that needs it
was committed. Every server process runs a worker (`start_worker`), unless
`JOBS_IN_SERVER=0`, and `python main.py worker` runs workers on their own.

- Retries: a task declares its attempts; a failed attempt is retried with backoff (linear
  or exponential) until the last, whose failure the task handles itself (the
  tutor's reply writes "reply failed").
- Once: each task makes its effect idempotent by a key (a reply's id derives from the
  message it answers; a mail records its key with it), so a job run twice acts once.
- Stalled jobs: workers beat every `JOB_HEARTBEAT_SECONDS`; a running job whose worker has
  been silent for `JOB_STALLED_SECONDS` (killed, frozen, lost) is put back in the queue, by
  every worker at start and then periodically (`recover_stalled`).
- Shutdown: a stopping worker takes no new jobs and gives running ones
  `SHUTDOWN_GRACE_SECONDS`; what is cut off is recovered as stalled.
- A worker that fails starts again (`_work`): e.g. the database was away, or this process
  froze longer than `JOB_STALLED_SECONDS` and another worker's sweep removed it as stalled
  (its next fetch then names a worker that no longer exists). Without this, the process would
  serve on and never run a job again.

Tasks get the process's services (mailer, tutor) and settings: `services_of`, `settings_of`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

import procrastinate
from procrastinate import JobContext, RetryStrategy
from procrastinate.exceptions import AlreadyEnqueued
from tortoise import connections

from core import sqlcount
from core.db import Waits, credentials
from core.jobs_connector import AsyncpgConnector
from core.settings import Settings

log = logging.getLogger("lingograph.jobs")

queue = procrastinate.App(connector=AsyncpgConnector())
_on_worker_start: list[Callable[[], Awaitable[Any]]] = []
_users = 0  # open_queue calls not yet closed


def on_worker_start(sweep: Callable[[], Awaitable[Any]]) -> Callable[[], Awaitable[Any]]:
    """Register a domain's start-up sweep (work that should be queued and is not, e.g. data
    from before the queue); each worker runs them all when it starts."""
    if sweep not in _on_worker_start:
        _on_worker_start.append(sweep)
    return sweep


def task(
    name: str, *, attempts: int, backoff: Literal["linear", "exponential"] = "exponential"
) -> Callable[[Callable[..., Awaitable[Any]]], Any]:
    """Declare a job function `async def f(context: JobContext, **arguments)`, run up to
    `attempts` times; between attempts it waits 1, 2, 3 … s (linear: someone is waiting
    for it, e.g. a reply) or 2, 4, 8 … s (exponential: mail, outages)."""
    if attempts < 2:
        raise ValueError("a job gets at least two attempts: a stopping worker's job is retried")
    retry = (
        RetryStrategy(max_attempts=attempts - 1, wait=1, linear_wait=1)
        if backoff == "linear"
        else RetryStrategy(max_attempts=attempts - 1, exponential_wait=2)
    )
    return queue.task(name=name, pass_context=True, retry=retry)


def every(cron: str) -> Callable[[Any], Any]:
    """Make a task periodic (on top of `task`): deferred by the workers at `cron` times, once
    for all of them; the function gets `timestamp` (when it was due)."""
    return queue.periodic(cron=cron)


def is_last_attempt(context: JobContext, attempts: int) -> bool:
    """True when this run of the job is its last (a failure now will not be retried)."""
    assert context.job is not None
    return context.job.attempts + 1 >= attempts


def services_of(context: JobContext) -> Any:
    """The process's services (services.Services), handed to every job by the worker."""
    return context.additional_context["services"]


def settings_of(context: JobContext) -> Settings:
    """The settings of the worker running the job."""
    settings: Settings = context.additional_context["settings"]
    return settings


async def defer(job_task: Any, *, queueing_lock: str | None = None, **arguments: Any) -> None:
    """Enqueue `job_task(**arguments)` in the current transaction (or on its own outside one).

    With `queueing_lock`, a job with the same lock still waiting makes this one redundant:
    nothing is added."""
    async with connections.get("default").acquire_connection() as conn:
        with contextlib.suppress(AlreadyEnqueued):
            await job_task.configure(connection=conn, queueing_lock=queueing_lock).defer_async(
                **arguments
            )


@dataclass
class Worker:
    """A running worker of this process: the procrastinate worker and the stalled-job sweep."""

    run: asyncio.Task[None]
    sweep: asyncio.Task[None]

    async def stop(self) -> None:
        self.sweep.cancel()
        self.run.cancel()  # procrastinate stops fetching and lets running jobs finish (grace)
        with contextlib.suppress(asyncio.CancelledError):
            await self.run
        with contextlib.suppress(asyncio.CancelledError):
            await self.sweep


async def open_queue(settings: Settings, database_url: str) -> None:
    """Connect the queue (once per process: apps sharing a process share it, e.g. in tests)."""
    global _users
    _users += 1
    if _users > 1:
        return
    connector = queue.connector
    assert isinstance(connector, AsyncpgConnector)
    options = Waits.of(settings).connection_options()
    options.pop("acquire_timeout", None)  # the pool is procrastinate's alone: no contention
    connector.configure(
        {**credentials(database_url), **options}, pool_size=settings.job_concurrency + 2
    )
    await queue.open_async()


async def close_queue() -> None:
    """Disconnect the queue when its last user in this process is done."""
    global _users
    _users -= 1
    if _users == 0:
        await queue.close_async()


def worker_options(settings: Settings, services: Any, *, wait: bool = True) -> dict[str, Any]:
    return {
        "concurrency": settings.job_concurrency,
        "wait": wait,
        "install_signal_handlers": False,
        "additional_context": {"services": services, "settings": settings},
        "update_heartbeat_interval": settings.job_heartbeat_seconds,
        "stalled_worker_timeout": settings.job_stalled_seconds,
        "shutdown_graceful_timeout": settings.shutdown_grace_seconds,
        "delete_jobs": "successful",
        "fetch_job_polling_interval": 2.0,
    }


async def start_worker(settings: Settings, services: Any) -> Worker:
    """Run a worker in this process until `Worker.stop`; first, stalled jobs are recovered and
    the domains' start-up sweeps queue what was left behind."""
    await recover_stalled(settings)
    for start_up in _on_worker_start:
        await start_up()
    run = asyncio.create_task(_work(settings, services))
    return Worker(run=run, sweep=asyncio.create_task(_sweep_stalled(settings)))


RESTART_SECONDS = (1.0, 30.0)  # a stopped worker waits this long to start again, doubling


async def _work(settings: Settings, services: Any) -> None:
    """Run the worker until `Worker.stop` cancels this; when it stops on its own, start it
    again: it raised (a fetch failed), or procrastinate stopped it because one of its side
    tasks failed (a heartbeat could not be written)."""
    sqlcount.not_counted()  # the worker and its jobs are no request's statements
    first, longest = RESTART_SECONDS
    wait = first
    loop = asyncio.get_running_loop()
    while True:
        started = loop.time()
        failure: Exception | None = None
        try:
            await queue.run_worker_async(**worker_options(settings, services))
        except Exception as error:  # not a cancellation: that is `Worker.stop`
            failure = error
        if loop.time() - started > longest:
            wait = first  # it had been working: this is a new failure
        log.error(
            "the job worker stopped (%s); it starts again in %.0f s",
            failure or "a side task failed",
            wait,
            exc_info=failure,
        )
        await asyncio.sleep(wait)
        wait = min(wait * 2, longest)


async def recover_stalled(settings: Settings) -> int:
    """Put back in the queue the running jobs whose worker stopped beating; how many."""
    manager = queue.job_manager
    recovered = 0
    for job in await manager.get_stalled_jobs(seconds_since_heartbeat=settings.job_stalled_seconds):
        try:
            await manager.retry_job(job)
        except procrastinate.exceptions.ConnectorException:
            continue  # another worker recovered it first
        recovered += 1
        log.warning("job %s (%s) of a stalled worker is retried", job.id, job.task_name)
    await manager.prune_stalled_workers(settings.job_stalled_seconds)
    return recovered


async def _sweep_stalled(settings: Settings) -> None:
    sqlcount.not_counted()
    interval = max(1.0, settings.job_stalled_seconds / 2)
    while True:
        await asyncio.sleep(interval)
        try:
            await recover_stalled(settings)
        except Exception:  # the database may be away; the next sweep tries again
            log.warning("stalled-job sweep failed", exc_info=True)


async def pending_jobs() -> int:
    """Jobs waiting (due now or later, e.g. a retry) or running."""
    rows = await connections.get("default").execute_query_dict(
        "SELECT count(*) AS n FROM procrastinate_jobs WHERE status IN ('todo', 'doing')"
    )
    return int(rows[0]["n"])


async def wait_until_idle(within: float = 30.0) -> None:
    """Wait until no job is waiting or running (tests, tools); TimeoutError after `within` s."""
    async with asyncio.timeout(within):
        while True:
            if not await pending_jobs():
                return
            await asyncio.sleep(0.05)


@contextlib.asynccontextmanager
async def worker_running(settings: Settings, services: Any) -> AsyncIterator[Worker]:
    worker = await start_worker(settings, services)
    try:
        yield worker
    finally:
        await worker.stop()
