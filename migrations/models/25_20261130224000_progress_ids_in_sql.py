"""Lesson progress ids become name-based UUIDs of version 3 (MD5) instead of 5 (SHA-1), of
the same name (`<user id>:<lesson id>` in the same namespace, models.learning), so that
PostgreSQL computes them too: the read compiler answers a lesson's `viewerProgress` before
the lesson is started (its id is the one the row will be created with) in its one
statement, and PostgreSQL has MD5 but, without pgcrypto, no SHA-1. `lg_uuid3(namespace,
name)` is Python's `uuid.uuid3`.

Existing rows are re-keyed with their new ids, and so are the rows pointing at them (the
foreign keys are dropped and restored around the change).
"""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP FUNCTION IF EXISTS lg_uuid3(uuid, text);
        CREATE FUNCTION lg_uuid3(namespace uuid, name text) RETURNS uuid
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT overlay(overlay(h PLACING '3' FROM 13)
                           PLACING substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::int & 3) + 1, 1)
                           FROM 17)::uuid
            FROM (SELECT md5(uuid_send(namespace) || convert_to(name, 'UTF8')) AS h) x $$;
        CREATE TEMP TABLE lg_progress_fks ON COMMIT DROP AS
            SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def,
                   (SELECT attname FROM pg_attribute
                     WHERE attrelid = conrelid AND attnum = conkey[1]) AS col
            FROM pg_constraint
            WHERE confrelid = 'lesson_progress'::regclass AND contype = 'f';
        CREATE TEMP TABLE lg_progress_ids ON COMMIT DROP AS
            SELECT id AS old_id,
                   lg_uuid3('6c1f3c52-6a5e-4c1e-9d7e-5f0a3b9e2d41',
                            user_id::text || ':' || lesson_id::text) AS new_id
            FROM lesson_progress;
        DO $$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT * FROM lg_progress_fks LOOP
                EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl, r.conname);
            END LOOP;
            UPDATE lesson_progress p SET id = m.new_id
                FROM lg_progress_ids m WHERE p.id = m.old_id AND m.old_id <> m.new_id;
            FOR r IN SELECT * FROM lg_progress_fks LOOP
                EXECUTE format('UPDATE %s c SET %I = m.new_id FROM lg_progress_ids m '
                               'WHERE c.%I = m.old_id', r.tbl, r.col, r.col);
                EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.tbl, r.conname, r.def);
            END LOOP;
        END $$;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    # The version 5 ids need SHA-1, which PostgreSQL lacks without pgcrypto: rows keep their
    # version 3 ids (the ids of rows created from now on are version 5 again).
    return """
        DROP FUNCTION IF EXISTS lg_uuid3(uuid, text);"""


# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(24)
