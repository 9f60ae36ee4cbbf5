"""Insight's course analytics (loaders/insight_analytics.py) aggregate every progress row of a
course's lessons: a covering index on lesson_progress by lesson, with the columns the
figures read, so the statement is an index-only scan of the course's rows instead of a
sequential scan of the table (bench/analytics.py, 100,000 of 700,000 rows: CourseAnalytics'
p50 75 ms → 27 ms).
Hand-written (Tortoise's indexes have no INCLUDE) and kept out of the models, like
migration 2's `lesson_progress_lesson_idx`, which stays for the lookups by lesson."""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE INDEX IF NOT EXISTS "lesson_progress_lesson_figures_idx" ON "lesson_progress"
            ("lesson_id") INCLUDE ("status", "best_score", "attempts", "hearts_lost");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "lesson_progress_lesson_figures_idx";"""


# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(21)
