"""Full-text search over courses: a stored generated tsvector (title weighted above
description, 'simple' configuration because titles mix languages) with a GIN index, the catalog's
default-order index, foreign-key indexes the unique constraints do not cover, and no
self-prerequisites. Hand-written: aerich does not model these."""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "courses" ADD COLUMN IF NOT EXISTS "search_vector" tsvector
            GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', coalesce("title", '')), 'A')
                || setweight(to_tsvector('simple', coalesce("description", '')), 'B')
            ) STORED;
        CREATE INDEX IF NOT EXISTS "courses_search_vector_idx"
            ON "courses" USING GIN ("search_vector");
        CREATE INDEX IF NOT EXISTS "courses_catalog_idx"
            ON "courses" ("created_at" DESC, "id" DESC) WHERE "deleted_at" IS NULL;
        CREATE INDEX IF NOT EXISTS "courses_author_idx" ON "courses" ("author_id");
        CREATE INDEX IF NOT EXISTS "lesson_exercises_exercise_idx"
            ON "lesson_exercises" ("exercise_id");
        CREATE INDEX IF NOT EXISTS "lesson_prerequisites_prerequisite_idx"
            ON "lesson_prerequisites" ("prerequisite_id");
        CREATE INDEX IF NOT EXISTS "conversation_scenarios_lesson_idx"
            ON "conversation_scenarios" ("lesson_id");
        ALTER TABLE "lesson_prerequisites" ADD CONSTRAINT "lesson_prerequisites_not_self"
            CHECK ("lesson_id" <> "prerequisite_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "lesson_prerequisites" DROP CONSTRAINT IF EXISTS "lesson_prerequisites_not_self";
        DROP INDEX IF EXISTS "conversation_scenarios_lesson_idx";
        DROP INDEX IF EXISTS "lesson_prerequisites_prerequisite_idx";
        DROP INDEX IF EXISTS "lesson_exercises_exercise_idx";
        DROP INDEX IF EXISTS "courses_author_idx";
        DROP INDEX IF EXISTS "courses_catalog_idx";
        DROP INDEX IF EXISTS "courses_search_vector_idx";
        ALTER TABLE "courses" DROP COLUMN IF EXISTS "search_vector";"""

# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(0)
