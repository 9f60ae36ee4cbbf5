"""Course search parses the search only with the text-search configurations in use.

Migration 4 parsed every search with each of the ~30 snowball configurations it maps (when
planning, to fold `lingograph_search_query_any`, and again when running): about 1.5 ms of a
course search's ~5. Only the configurations of the catalog's languages can match a course (a
course's `search_config` comes from its `from_language`), and there are a few. So
`lingograph_search_queries` now lists those configurations literally: it stays IMMUTABLE
(the planner still folds the search into a constant the GIN index answers), and a statement
trigger on `languages` rewrites it whenever a language is added, removed or recoded
(replacing a function invalidates the plans that used it)."""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE OR REPLACE FUNCTION lingograph_refresh_search_configs() RETURNS void
        LANGUAGE plpgsql AS $refresh$
        DECLARE
            configs text;
        BEGIN
            -- Two transactions changing languages at once would replace the function
            -- concurrently ("tuple concurrently updated"): one at a time.
            PERFORM pg_advisory_xact_lock(hashtext('lingograph_search_configs'));
            SELECT string_agg(format('(%L::regconfig)', config), ', ')
              INTO configs
              FROM (SELECT DISTINCT lingograph_search_config(l."code")::text AS config
                      FROM "languages" l
                    UNION SELECT 'simple') used;
            EXECUTE format($define$
                CREATE OR REPLACE FUNCTION lingograph_search_queries(
                    search text, OUT config regconfig, OUT query tsquery
                ) RETURNS SETOF record LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 4 AS
                $body$ SELECT c.config, lingograph_search_query(c.config, search)
                       FROM (VALUES %s) AS c(config) $body$ $define$, configs);
        END $refresh$;

        CREATE OR REPLACE FUNCTION lingograph_languages_changed() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM lingograph_refresh_search_configs();
            RETURN NULL;
        END $$;
        CREATE TRIGGER "languages_search_configs" AFTER INSERT OR DELETE OR UPDATE OF "code"
            ON "languages" FOR EACH STATEMENT EXECUTE FUNCTION lingograph_languages_changed();

        SELECT lingograph_refresh_search_configs();"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    # Back to migration 4's function: every mapped configuration.
    from importlib import import_module

    previous = import_module("migrations.models.4_20261130000000_course_search_stemming")
    return f"""
        DROP TRIGGER IF EXISTS "languages_search_configs" ON "languages";
        DROP FUNCTION IF EXISTS lingograph_languages_changed();
        DROP FUNCTION IF EXISTS lingograph_refresh_search_configs();
        CREATE OR REPLACE FUNCTION lingograph_search_queries(
            search text, OUT config regconfig, OUT query tsquery
        ) RETURNS SETOF record LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE ROWS 30 AS $$
        BEGIN
            FOR config IN {previous._configs_sql()} LOOP
                query := lingograph_search_query(config, search);
                RETURN NEXT;
            END LOOP;
        END $$;"""


# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(6)
