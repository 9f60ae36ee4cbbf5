"""A conversation's figures (loaders/conversation.py METRICS_SQL: messages by sender) count
from an index on (session_id, sender): an index-only scan of the session's entries instead
of a visit to every message row, for ConversationDetail's metrics in the read compiler's
statement and in the loader alike."""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE INDEX IF NOT EXISTS "conversation_messages_session_sender_idx"
            ON "conversation_messages" ("session_id", "sender");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "conversation_messages_session_sender_idx";"""


# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(25)
