"""The read compiler's remaining SQL functions made inlinable (as migration 27 did for the
others): PostgreSQL 15 plans a SQL function it does not inline afresh in every statement
that calls it, once per call site, and that planning cost a statement more than its rows
(Courses: a third of the statement, for four cursor call sites).

- `lg_cursor_item(...)`: declared VOLATILE, as its fallback for values a cursor cannot
  carry is (a function is inlined only when declared no less volatile than its body);
- `lg_uuid3(namespace, name)`: the same value (Python's `uuid.uuid3`) without a FROM
  clause, which inlining does not allow, and STABLE like `convert_to`.
"""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True

_CURSOR_ITEMS = ("anyelement", "float8", "real", "bigint", "integer", "smallint", "numeric")


def _cursor_items(volatility: str) -> str:
    return "\n".join(
        f"ALTER FUNCTION lg_cursor_item({kind}) {volatility};" for kind in _CURSOR_ITEMS
    )


async def upgrade(db: BaseDBAsyncClient) -> str:
    return (
        _cursor_items("VOLATILE")
        + """
        CREATE OR REPLACE FUNCTION lg_uuid3(namespace uuid, name text) RETURNS uuid
            LANGUAGE sql STABLE PARALLEL SAFE AS $$
            SELECT overlay(
                overlay(md5(uuid_send(namespace) || convert_to(name, 'UTF8')) PLACING '3' FROM 13)
                PLACING substr('89ab', (('x' || substr(md5(uuid_send(namespace)
                    || convert_to(name, 'UTF8')), 17, 1))::bit(4)::int & 3) + 1, 1)
                FROM 17)::uuid $$;"""
    )


async def downgrade(db: BaseDBAsyncClient) -> str:
    return (
        _cursor_items("IMMUTABLE")
        + """
        CREATE OR REPLACE FUNCTION lg_uuid3(namespace uuid, name text) RETURNS uuid
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT overlay(overlay(h PLACING '3' FROM 13)
                           PLACING substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::int & 3) + 1, 1)
                           FROM 17)::uuid
            FROM (SELECT md5(uuid_send(namespace) || convert_to(name, 'UTF8')) AS h) x $$;"""
    )


# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(27)
