"""Idempotency keys of HTTP mutations (app/idempotency.py): per owner (a user or a client
address) and key, the request's fingerprint and the answer given, kept for a day or so.
Hand-written: the store is engine state, not a domain model."""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "idempotency_keys" (
            "owner" VARCHAR(80) NOT NULL,
            "key" VARCHAR(255) NOT NULL,
            "fingerprint" CHAR(64) NOT NULL,
            "status" SMALLINT,
            "media_type" VARCHAR(100),
            "body" BYTEA,
            "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
            PRIMARY KEY ("owner", "key")
        );
        CREATE INDEX IF NOT EXISTS "idempotency_keys_created_at_idx"
            ON "idempotency_keys" ("created_at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "idempotency_keys";"""


MODELS_STATE = state_of(9)
