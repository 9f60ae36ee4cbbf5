"""`lg_local_date(at, tz)`: the calendar date of an instant in an IANA time zone, as
rules/learning/streaks.py's `local_date` gives it, for the rules the read compiler computes
in SQL (resolvers/learning/sql_rules.py). Like `zone()`, a time zone PostgreSQL does not
know reads as UTC (an exception handler: AT TIME ZONE raises for unknown names)."""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE OR REPLACE FUNCTION lg_local_date(at timestamptz, tz text) RETURNS date
            LANGUAGE plpgsql STABLE AS $$
            BEGIN
                RETURN (at AT TIME ZONE coalesce(nullif(tz, ''), 'UTC'))::date;
            EXCEPTION WHEN invalid_parameter_value THEN
                RETURN (at AT TIME ZONE 'UTC')::date;
            END $$;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP FUNCTION IF EXISTS lg_local_date(timestamptz, text);"""


# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(23)
