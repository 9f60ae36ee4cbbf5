"""`course_id` on units and lessons: which course a lesson (or unit) is in, without joining
lessons → units → sections. Kept by triggers (so every writer, the ORM, the importer and the
benchmark's COPY alike, gets it right): set from the parent on insert and when a row moves,
and carried down when a section or unit moves to another course (those triggers fire on any
UPDATE: a column list would miss the course a BEFORE trigger set). Hand-written and kept out of
the Tortoise models, like the search columns: hand-written SQL reads it."""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "units" ADD COLUMN IF NOT EXISTS "course_id" UUID;
        ALTER TABLE "lessons" ADD COLUMN IF NOT EXISTS "course_id" UUID;
        UPDATE "units" u SET "course_id" = s."course_id" FROM "sections" s
            WHERE s."id" = u."section_id";
        UPDATE "lessons" l SET "course_id" = u."course_id" FROM "units" u
            WHERE u."id" = l."unit_id";
        ALTER TABLE "units" ALTER COLUMN "course_id" SET NOT NULL;
        ALTER TABLE "lessons" ALTER COLUMN "course_id" SET NOT NULL;
        ALTER TABLE "units" ADD CONSTRAINT "fk_units_course"
            FOREIGN KEY ("course_id") REFERENCES "courses" ("id") ON DELETE CASCADE;
        ALTER TABLE "lessons" ADD CONSTRAINT "fk_lessons_course"
            FOREIGN KEY ("course_id") REFERENCES "courses" ("id") ON DELETE CASCADE;
        CREATE INDEX IF NOT EXISTS "units_course_idx" ON "units" ("course_id");
        CREATE INDEX IF NOT EXISTS "lessons_course_idx" ON "lessons" ("course_id");

        CREATE OR REPLACE FUNCTION lingograph_unit_course() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            NEW."course_id" := (SELECT "course_id" FROM "sections" WHERE "id" = NEW."section_id");
            RETURN NEW;
        END $$;
        CREATE TRIGGER "units_course" BEFORE INSERT OR UPDATE OF "section_id", "course_id"
            ON "units" FOR EACH ROW EXECUTE FUNCTION lingograph_unit_course();

        CREATE OR REPLACE FUNCTION lingograph_lesson_course() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            NEW."course_id" := (SELECT "course_id" FROM "units" WHERE "id" = NEW."unit_id");
            RETURN NEW;
        END $$;
        CREATE TRIGGER "lessons_course" BEFORE INSERT OR UPDATE OF "unit_id", "course_id"
            ON "lessons" FOR EACH ROW EXECUTE FUNCTION lingograph_lesson_course();

        CREATE OR REPLACE FUNCTION lingograph_section_moved() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "units" SET "course_id" = NEW."course_id" WHERE "section_id" = NEW."id";
            RETURN NULL;
        END $$;
        CREATE TRIGGER "sections_course_moved" AFTER UPDATE ON "sections"
            FOR EACH ROW WHEN (OLD."course_id" IS DISTINCT FROM NEW."course_id")
            EXECUTE FUNCTION lingograph_section_moved();

        CREATE OR REPLACE FUNCTION lingograph_unit_moved() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "lessons" SET "course_id" = NEW."course_id" WHERE "unit_id" = NEW."id";
            RETURN NULL;
        END $$;
        CREATE TRIGGER "units_course_moved" AFTER UPDATE ON "units"
            FOR EACH ROW WHEN (OLD."course_id" IS DISTINCT FROM NEW."course_id")
            EXECUTE FUNCTION lingograph_unit_moved();"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TRIGGER IF EXISTS "units_course_moved" ON "units";
        DROP TRIGGER IF EXISTS "sections_course_moved" ON "sections";
        DROP TRIGGER IF EXISTS "lessons_course" ON "lessons";
        DROP TRIGGER IF EXISTS "units_course" ON "units";
        DROP FUNCTION IF EXISTS lingograph_unit_moved();
        DROP FUNCTION IF EXISTS lingograph_section_moved();
        DROP FUNCTION IF EXISTS lingograph_lesson_course();
        DROP FUNCTION IF EXISTS lingograph_unit_course();
        ALTER TABLE "lessons" DROP COLUMN IF EXISTS "course_id";
        ALTER TABLE "units" DROP COLUMN IF EXISTS "course_id";"""


# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(5)
