"""Course search that finds what people type: word forms and accents.

- `lingograph_fold(text)` lower-cases and strips the accents of Latin letters (Spanish,
  French, Portuguese, German, Italian, Catalan, Romanian, Polish, Czech, Turkish...). The
  embedded PostgreSQL ships no contrib extension, so no `unaccent`; it is IMMUTABLE so a
  generated column can use it. It runs before stemming on both sides (indexed text and
  query), so "Inglés", "ingles" and "INGLÉS" reach the stemmer as the same word.
- `lingograph_search_config(code)` maps a language code (BCP 47, primary subtag) to its
  snowball text-search configuration; unknown languages get 'simple'.
- `courses.search_config` (regconfig, kept out of the Tortoise model like `search_vector`)
  holds the configuration of the course's `from_language` (the language its text is written
  in). A generated column cannot read `languages`, so triggers maintain it: on insert, when
  `from_language_id` changes (or someone writes the column), and when a language's code
  changes. `search_vector` is regenerated from it: title weighted A, description B.
- Searching (resolvers/catalog.py): each course is matched (`-word` negations included) and
  ranked against the search parsed with its own configuration. Such a tsquery differs per
  row, which no index can answer, so three functions, all folding the search like the text:
  `lingograph_search_query(config, search)` parses it with one configuration;
  `lingograph_search_queries(search)` returns it parsed with every configuration
  `lingograph_search_config` can return, once per statement (a FROM item joined on
  `search_config`, so no row parses it again); `lingograph_search_query_any(search)` ORs
  those distinct tsqueries: a superset of every row's query, and IMMUTABLE, so the planner
  computes it once with the search's value, estimates from it, and answers
  `search_vector @@ lingograph_search_query_any($1)` with the GIN index; the per-row test
  then only rechecks the rows the index found.

Changing the mapping later needs a migration that replaces both functions built from
`CONFIGS` and recomputes `search_config` (UPDATE as below). Hand-written: aerich does not
model these.
"""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True

# Unaccented letter -> the accented letters (lower and upper case: under the C locale
# PostgreSQL's lower() only folds ASCII) that fold to it.
FOLDS = {
    "a": "áàâäãåāăąÁÀÂÄÃÅĀĂĄ",
    "c": "çćčĉċÇĆČĈĊ",
    "d": "ďđĎĐ",
    "e": "éèêëēĕėęěÉÈÊËĒĔĖĘĚ",
    "g": "ğĝġģĞĜĠĢ",
    "h": "ĥħĤĦ",
    "i": "íìîïĩīĭįıÍÌÎÏĨĪĬĮİ",
    "j": "ĵĴ",
    "k": "ķĶ",
    "l": "ĺļľŀłĹĻĽĿŁ",
    "n": "ñńņňÑŃŅŇ",
    "o": "óòôöõøōŏőÓÒÔÖÕØŌŎŐ",
    "r": "ŕŗřŔŖŘ",
    "s": "śŝşšșŚŜŞŠȘ",
    "t": "ţťŧțŢŤŦȚ",
    "u": "úùûüũūŭůűųÚÙÛÜŨŪŬŮŰŲ",
    "w": "ŵŴ",
    "y": "ýÿŷÝŸŶ",
    "z": "źżžŹŻŽ",
}
# Letters that fold to two.
LIGATURES = {"ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"}

# Language code (primary subtag) -> PostgreSQL snowball configuration. One this server lacks
# (older PostgreSQL versions ship fewer) falls back to 'simple'.
CONFIGS = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}


def _fold_sql() -> str:
    accented = "".join(FOLDS.values())
    plain = "".join(letter * len(letters) for letter, letters in FOLDS.items())
    assert len(accented) == len(plain) == len(set(accented))
    folded = f"translate(lower(value), '{accented}', '{plain}')"
    for ligature, letters in LIGATURES.items():
        folded = f"replace({folded}, '{ligature}', '{letters}')"
    return folded


def _installed(name: str) -> str:
    """SQL selecting the built-in text-search configurations named by `name` (an
    expression: a name, or an array of names with `ANY`)."""
    return (
        "SELECT c.oid::regconfig FROM pg_catalog.pg_ts_config c "
        f"WHERE c.cfgnamespace = 'pg_catalog'::regnamespace AND c.cfgname = {name}"
    )


def _config_sql() -> str:
    cases = " ".join(f"WHEN '{code}' THEN '{config}'" for code, config in CONFIGS.items())
    name = f"CASE lower(split_part(replace(code, '_', '-'), '-', 1)) {cases} END"
    return f"coalesce(({_installed(name)}), 'simple'::regconfig)"


def _configs_sql() -> str:
    names = ", ".join(f"'{config}'" for config in sorted({*CONFIGS.values(), "simple"}))
    return _installed(f"ANY (ARRAY[{names}])") + " ORDER BY c.cfgname"


def _search_vector(config: str, fold: str = "") -> str:
    """The generated column and its GIN index; `fold` names a function applied to the text."""
    title, description = (
        f"{fold}(coalesce({column}, ''))" for column in ('"title"', '"description"')
    )
    return f"""ALTER TABLE "courses" ADD COLUMN "search_vector" tsvector
            GENERATED ALWAYS AS (
                setweight(to_tsvector({config}, {title}), 'A')
                || setweight(to_tsvector({config}, {description}), 'B')
            ) STORED;
        CREATE INDEX "courses_search_vector_idx" ON "courses" USING GIN ("search_vector");"""


async def upgrade(db: BaseDBAsyncClient) -> str:
    return f"""
        CREATE OR REPLACE FUNCTION lingograph_fold(value text) RETURNS text
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT {_fold_sql()} $$;
        -- STABLE, not IMMUTABLE: it reads the catalog.
        CREATE OR REPLACE FUNCTION lingograph_search_config(code text) RETURNS regconfig
            LANGUAGE sql STABLE STRICT PARALLEL SAFE
            AS $$ SELECT {_config_sql()} $$;

        -- A generation expression cannot be altered before PostgreSQL 17: drop and re-add
        -- (after the backfill, so each vector is computed once).
        DROP INDEX IF EXISTS "courses_search_vector_idx";
        ALTER TABLE "courses" DROP COLUMN IF EXISTS "search_vector";
        ALTER TABLE "courses" ADD COLUMN "search_config" regconfig NOT NULL DEFAULT 'simple';
        UPDATE "courses" c SET "search_config" = lingograph_search_config(l."code")
            FROM "languages" l WHERE l."id" = c."from_language_id";
        {_search_vector('"search_config"', "lingograph_fold")}

        -- Generated columns are computed after BEFORE triggers, so the vector follows.
        CREATE OR REPLACE FUNCTION lingograph_courses_search_config() RETURNS trigger
            LANGUAGE plpgsql AS $$
        BEGIN
            NEW.search_config := coalesce(
                (SELECT lingograph_search_config(l.code) FROM languages l
                 WHERE l.id = NEW.from_language_id),
                'simple');
            RETURN NEW;
        END $$;
        CREATE TRIGGER "courses_search_config_insert" BEFORE INSERT ON "courses"
            FOR EACH ROW EXECUTE FUNCTION lingograph_courses_search_config();
        CREATE TRIGGER "courses_search_config_update"
            BEFORE UPDATE OF "from_language_id", "search_config" ON "courses"
            FOR EACH ROW
            WHEN (NEW.from_language_id IS DISTINCT FROM OLD.from_language_id
                  OR NEW.search_config IS DISTINCT FROM OLD.search_config)
            EXECUTE FUNCTION lingograph_courses_search_config();
        CREATE OR REPLACE FUNCTION lingograph_languages_search_config() RETURNS trigger
            LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE courses SET search_config = lingograph_search_config(NEW.code)
                WHERE from_language_id = NEW.id
                  AND search_config IS DISTINCT FROM lingograph_search_config(NEW.code);
            RETURN NULL;
        END $$;
        CREATE TRIGGER "languages_search_config_update" AFTER UPDATE OF "code" ON "languages"
            FOR EACH ROW WHEN (NEW.code IS DISTINCT FROM OLD.code)
            EXECUTE FUNCTION lingograph_languages_search_config();

        -- The search in one configuration; in each configuration a course can have (those
        -- lingograph_search_config picks from; plpgsql, so it is not inlined and runs once
        -- per statement); and those ORed, for the index. IMMUTABLE like
        -- to_tsvector(regconfig, text): they read only the built-in configurations.
        CREATE OR REPLACE FUNCTION lingograph_search_query(config regconfig, search text)
            RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT websearch_to_tsquery(config, lingograph_fold(search)) $$;
        CREATE OR REPLACE FUNCTION lingograph_search_queries(
            search text, OUT config regconfig, OUT query tsquery
        ) RETURNS SETOF record LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE ROWS 30 AS $$
        BEGIN
            FOR config IN {_configs_sql()} LOOP
                query := lingograph_search_query(config, search);
                RETURN NEXT;
            END LOOP;
        END $$;
        CREATE OR REPLACE FUNCTION lingograph_search_query_any(search text) RETURNS tsquery
            LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        DECLARE
            one tsquery;
            result tsquery;
        BEGIN
            -- Most words parse the same in most configurations: each distinct tsquery once.
            FOR one IN SELECT DISTINCT q.query FROM lingograph_search_queries(search) q
                       ORDER BY 1 LOOP
                result := CASE WHEN result IS NULL THEN one ELSE result || one END;
            END LOOP;
            RETURN result;
        END $$;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return f"""
        DROP FUNCTION IF EXISTS lingograph_search_query_any(text);
        DROP FUNCTION IF EXISTS lingograph_search_queries(text);
        DROP FUNCTION IF EXISTS lingograph_search_query(regconfig, text);
        DROP TRIGGER IF EXISTS "languages_search_config_update" ON "languages";
        DROP TRIGGER IF EXISTS "courses_search_config_update" ON "courses";
        DROP TRIGGER IF EXISTS "courses_search_config_insert" ON "courses";
        DROP FUNCTION IF EXISTS lingograph_languages_search_config();
        DROP FUNCTION IF EXISTS lingograph_courses_search_config();
        DROP INDEX IF EXISTS "courses_search_vector_idx";
        ALTER TABLE "courses" DROP COLUMN IF EXISTS "search_vector";
        ALTER TABLE "courses" DROP COLUMN IF EXISTS "search_config";
        {_search_vector("'simple'")}
        DROP FUNCTION IF EXISTS lingograph_search_config(text);
        DROP FUNCTION IF EXISTS lingograph_fold(text);"""


# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(3)
