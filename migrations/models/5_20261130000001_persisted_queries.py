"""The automatic persisted-query store (core/persisted_queries.py): one row per document,
keyed by the SHA-256 of its text, shared by every worker; `used_at` orders the trimming of
the least recently used. Hand-written: the store is engine state, not a domain model."""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "persisted_queries" (
            "sha256" CHAR(64) NOT NULL PRIMARY KEY,
            "document" TEXT NOT NULL,
            "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
            "used_at" TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS "persisted_queries_used_at_idx"
            ON "persisted_queries" ("used_at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "persisted_queries";"""


MODELS_STATE = state_of(4)
