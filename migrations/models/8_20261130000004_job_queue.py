"""The job queue's tables and functions (core/jobs.py): procrastinate's schema, version 3.10.0.

The SQL is procrastinate's own `schema.sql` of the pinned version, copied beside the
migrations so that this migration means the same thing whatever version is installed later.
A version bump adds a migration with procrastinate's migration files between the versions."""

from pathlib import Path

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True

SCHEMA = Path(__file__).resolve().parent.parent / "sql" / "procrastinate_3.10.0.sql"


async def upgrade(db: BaseDBAsyncClient) -> str:
    return SCHEMA.read_text(encoding="utf-8")


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS procrastinate_events, procrastinate_periodic_defers,
            procrastinate_jobs, procrastinate_workers CASCADE;
        DROP TYPE IF EXISTS procrastinate_job_to_defer_v1, procrastinate_job_event_type,
            procrastinate_job_status CASCADE;"""


MODELS_STATE = state_of(7)
