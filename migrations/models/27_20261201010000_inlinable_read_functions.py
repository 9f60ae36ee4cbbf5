"""The read compiler's value functions (migration 23) declared STABLE, as their bodies are:
`convert_to` and `to_char` are STABLE, and PostgreSQL inlines a SQL function into the
statement only when the function is declared no less volatile than its body. Declared
IMMUTABLE they were called one by one, a function call per global id and instant: for a
learner's `MyLearning` (~250 ids) that was about a third of the statement's time.
Nothing indexes them, so IMMUTABLE bought nothing."""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True

_FUNCTIONS = ("lg_iso(timestamptz)", "lg_b64(text)", "lg_b64url(text)")


async def upgrade(db: BaseDBAsyncClient) -> str:
    return "\n".join(f"ALTER FUNCTION {function} STABLE;" for function in _FUNCTIONS)


async def downgrade(db: BaseDBAsyncClient) -> str:
    return "\n".join(f"ALTER FUNCTION {function} IMMUTABLE;" for function in _FUNCTIONS)


# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(26)
