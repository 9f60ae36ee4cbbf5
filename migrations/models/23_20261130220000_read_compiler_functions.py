"""SQL functions the read compiler (engine/compiler) writes into its statements, so each
value PostgreSQL builds is the text the executor would send:

- `lg_iso(timestamptz)`: Python's `datetime.isoformat()` of a UTC instant (microseconds
  only when non-zero, `+00:00`), where PostgreSQL's own JSON trims trailing zeros;
- `lg_b64(text)` and `lg_b64url(text)`: base64 without line breaks (relay global ids), and
  the URL-safe, unpadded form of cursors (core/pagination.py), whose items
  `lg_cursor_item(value)` writes as `_tag` does (a float, e.g. a search rank, as Python's
  repr of the double, which PostgreSQL's shortest float8 text matches but for a whole
  number's `.0`; non-ASCII text is the executor's);
- `lg_compiled_fallback()`: raised where the executor would answer a field error (a null in
  a non-null field); the compiler catches its SQLSTATE and runs the executor instead.
"""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE OR REPLACE FUNCTION lg_compiled_fallback() RETURNS json
            LANGUAGE plpgsql VOLATILE AS $$
            BEGIN
                RAISE EXCEPTION 'the executor answers this read' USING ERRCODE = 'LGFB1';
            END $$;
        CREATE OR REPLACE FUNCTION lg_iso(value timestamptz) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                || CASE WHEN date_part('microseconds', value)::int % 1000000 = 0 THEN ''
                        ELSE to_char(value AT TIME ZONE 'UTC', '.US') END
                || '+00:00' $$;
        CREATE OR REPLACE FUNCTION lg_b64(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT translate(encode(convert_to(value, 'UTF8'), 'base64'), E'\\n', '') $$;
        CREATE OR REPLACE FUNCTION lg_b64url(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT rtrim(translate(encode(convert_to(value, 'UTF8'), 'base64'),
                                   E'+/\\n', '-_'), '=') $$;
        CREATE OR REPLACE FUNCTION lg_cursor_item(value anyelement) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE
                WHEN value IS NULL THEN '["v",null]'
                WHEN pg_typeof(value) = 'timestamptz'::regtype
                    THEN '["dt","' || lg_iso(value::text::timestamptz) || '"]'
                WHEN pg_typeof(value) = 'uuid'::regtype THEN '["u","' || value::text || '"]'
                WHEN pg_typeof(value) = 'date'::regtype THEN '["d","' || value::text || '"]'
                WHEN pg_typeof(value) = 'boolean'::regtype THEN '["v",' || value::text || ']'
                WHEN pg_typeof(value) IN ('text'::regtype, 'character varying'::regtype)
                     AND value::text ~ '^[ -~]*$'
                    THEN '["v",' || to_json(value::text)::text || ']'
                ELSE lg_compiled_fallback()::text END $$;
        CREATE OR REPLACE FUNCTION lg_cursor_item(value float8) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE
                WHEN value IS NULL THEN '["v",null]'
                WHEN value::text ~ '^-?[0-9]+$' THEN '["v",' || value::text || '.0]'
                WHEN value::text ~ '^-?[0-9.]+(e[-+][0-9]+)?$' THEN '["v",' || value::text || ']'
                ELSE lg_compiled_fallback()::text END $$;
        CREATE OR REPLACE FUNCTION lg_cursor_item(value real) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT lg_cursor_item(value::float8) $$;
        -- Integers and numerics convert to float8 implicitly, which PostgreSQL prefers to the
        -- polymorphic function: they get overloads of their own.
        CREATE OR REPLACE FUNCTION lg_cursor_item(value bigint) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN value IS NULL THEN '["v",null]'
                        ELSE '["v",' || value::text || ']' END $$;
        CREATE OR REPLACE FUNCTION lg_cursor_item(value integer) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT lg_cursor_item(value::bigint) $$;
        CREATE OR REPLACE FUNCTION lg_cursor_item(value smallint) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT lg_cursor_item(value::bigint) $$;
        CREATE OR REPLACE FUNCTION lg_cursor_item(value numeric) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN value IS NULL THEN '["v",null]'
                        ELSE '["n","' || value::text || '"]' END $$;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP FUNCTION IF EXISTS lg_cursor_item(numeric);
        DROP FUNCTION IF EXISTS lg_cursor_item(smallint);
        DROP FUNCTION IF EXISTS lg_cursor_item(integer);
        DROP FUNCTION IF EXISTS lg_cursor_item(bigint);
        DROP FUNCTION IF EXISTS lg_cursor_item(real);
        DROP FUNCTION IF EXISTS lg_cursor_item(float8);
        DROP FUNCTION IF EXISTS lg_cursor_item(anyelement);
        DROP FUNCTION IF EXISTS lg_compiled_fallback();
        DROP FUNCTION IF EXISTS lg_b64url(text);
        DROP FUNCTION IF EXISTS lg_b64(text);
        DROP FUNCTION IF EXISTS lg_iso(timestamptz);"""


# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(22)
