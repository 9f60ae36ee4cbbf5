"""Learning: the default achievements (reference data every installation needs), range
checks on hearts and scores, and indexes for the foreign keys the unique constraints do not
cover. Hand-written: aerich does not model these."""

from tortoise import BaseDBAsyncClient

from migrations.previous_state import state_of

RUN_IN_TRANSACTION = True

ACHIEVEMENTS = [
    # code, name, description, condition type, threshold, XP reward
    ("first_lesson", "First Lesson", "Complete your first lesson", "lesson_count", 1, 50),
    ("ten_lessons", "Getting Serious", "Complete ten lessons", "lesson_count", 10, 50),
    ("week_warrior", "Week Warrior", "Maintain a 7-day streak", "streak_days", 7, 100),
    (
        "perfect_practice",
        "Perfect Practice",
        "Complete a lesson with no mistakes",
        "perfect_lessons",
        1,
        75,
    ),
    ("xp_collector", "XP Collector", "Earn 50 total XP", "xp_total", 50, 25),
    ("xp_1000", "XP Master", "Earn 1,000 total XP", "xp_total", 1000, 100),
    ("course_completed", "Course Champion", "Complete a whole course", "course_completed", 1, 200),
    (
        "first_conversation",
        "Conversation Starter",
        "Complete a conversation with an AI teacher",
        "conversations_completed",
        1,
        50,
    ),
]


def _values() -> str:
    rows = []
    for code, name, description, condition, threshold, reward in ACHIEVEMENTS:
        rows.append(
            f"(gen_random_uuid(), now(), now(), '{code}', '{name}', '{description}', "
            f"'{condition}', {threshold}, {reward}, TRUE)"
        )
    return ",\n            ".join(rows)


async def upgrade(db: BaseDBAsyncClient) -> str:
    return f"""
        INSERT INTO "achievements" ("id", "created_at", "updated_at", "code", "name",
            "description", "condition_type", "threshold", "xp_reward", "is_active")
        VALUES
            {_values()}
        ON CONFLICT ("code") DO NOTHING;
        ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_hearts_range"
            CHECK ("hearts" BETWEEN 0 AND 5);
        ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_best_score_range"
            CHECK ("best_score" BETWEEN 0 AND 100);
        CREATE INDEX IF NOT EXISTS "enrollments_course_idx" ON "enrollments" ("course_id");
        CREATE INDEX IF NOT EXISTS "lesson_progress_enrollment_idx"
            ON "lesson_progress" ("enrollment_id");
        CREATE INDEX IF NOT EXISTS "lesson_progress_lesson_idx" ON "lesson_progress" ("lesson_id");
        CREATE INDEX IF NOT EXISTS "exercise_attempts_progress_idx"
            ON "exercise_attempts" ("progress_id", "lesson_attempt");
        CREATE INDEX IF NOT EXISTS "exercise_attempts_user_idx"
            ON "exercise_attempts" ("user_id", "created_at");
        CREATE INDEX IF NOT EXISTS "heart_events_enrollment_idx"
            ON "heart_events" ("enrollment_id");
        CREATE INDEX IF NOT EXISTS "heart_events_user_idx" ON "heart_events" ("user_id");
        CREATE INDEX IF NOT EXISTS "user_achievements_achievement_idx"
            ON "user_achievements" ("achievement_id");
        CREATE INDEX IF NOT EXISTS "certificates_user_idx" ON "certificates" ("user_id");
        CREATE INDEX IF NOT EXISTS "certificates_course_idx" ON "certificates" ("course_id");
        CREATE INDEX IF NOT EXISTS "activity_events_user_idx"
            ON "activity_events" ("user_id", "created_at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "activity_events_user_idx";
        DROP INDEX IF EXISTS "certificates_course_idx";
        DROP INDEX IF EXISTS "certificates_user_idx";
        DROP INDEX IF EXISTS "user_achievements_achievement_idx";
        DROP INDEX IF EXISTS "heart_events_user_idx";
        DROP INDEX IF EXISTS "heart_events_enrollment_idx";
        DROP INDEX IF EXISTS "exercise_attempts_user_idx";
        DROP INDEX IF EXISTS "exercise_attempts_progress_idx";
        DROP INDEX IF EXISTS "lesson_progress_lesson_idx";
        DROP INDEX IF EXISTS "lesson_progress_enrollment_idx";
        DROP INDEX IF EXISTS "enrollments_course_idx";
        ALTER TABLE "lesson_progress" DROP CONSTRAINT IF EXISTS "lesson_progress_best_score_range";
        ALTER TABLE "enrollments" DROP CONSTRAINT IF EXISTS "enrollments_hearts_range";
        DELETE FROM "achievements" WHERE "code" IN ({codes});""".format(
        codes=", ".join(f"'{a[0]}'" for a in ACHIEVEMENTS)
    )

# Changes no model: carries the state of the migration before it.
MODELS_STATE = state_of(1)
