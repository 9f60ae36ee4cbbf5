"""Keys of delivered mail (services/mail.py `deliver_once`): a mail job that runs again finds
its key and sends nothing. Kept 30 days. Hand-written: delivery state, not a domain model."""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "mail_deliveries" (
            "key" VARCHAR(200) NOT NULL PRIMARY KEY,
            "sent_at" TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS "mail_deliveries_sent_at_idx" ON "mail_deliveries" ("sent_at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "mail_deliveries";"""


MODELS_STATE = state_of(10)
