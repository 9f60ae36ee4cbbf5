from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "languages" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "code" VARCHAR(16) NOT NULL UNIQUE,
    "name" VARCHAR(64) NOT NULL,
    "native_name" VARCHAR(64) NOT NULL,
    "flag_url" VARCHAR(500),
    "is_active" BOOL NOT NULL
);
CREATE TABLE IF NOT EXISTS "media_assets" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "url" VARCHAR(1000) NOT NULL,
    "format" VARCHAR(16),
    "quality" VARCHAR(16),
    "duration_seconds" DOUBLE PRECISION,
    "size_bytes" BIGINT,
    "mime_type" VARCHAR(100)
);
COMMENT ON COLUMN "media_assets"."kind" IS 'AUDIO: audio\nIMAGE: image\nVIDEO: video';
CREATE TABLE IF NOT EXISTS "exercises" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "prompt" TEXT NOT NULL,
    "correct_answer" TEXT NOT NULL,
    "accepted_answers" JSONB NOT NULL,
    "explanation" TEXT,
    "hint" TEXT,
    "difficulty" SMALLINT NOT NULL,
    "estimated_seconds" SMALLINT NOT NULL,
    "is_active" BOOL NOT NULL,
    "media_id" UUID REFERENCES "media_assets" ("id") ON DELETE SET NULL
);
COMMENT ON COLUMN "exercises"."type" IS 'TRANSLATION: translation\nMULTIPLE_CHOICE: multiple_choice\nLISTENING: listening\nSPEAKING: speaking\nWRITING: writing\nFILL_BLANK: fill_blank';
CREATE TABLE IF NOT EXISTS "exercise_options" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "text" VARCHAR(500) NOT NULL,
    "is_correct" BOOL NOT NULL,
    "position" INT NOT NULL,
    "exercise_id" UUID NOT NULL REFERENCES "exercises" ("id") ON DELETE CASCADE,
    "media_id" UUID REFERENCES "media_assets" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_exercise_op_exercis_771883" UNIQUE ("exercise_id", "position")
);
CREATE TABLE IF NOT EXISTS "login_failures" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "email" VARCHAR(320) NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_login_failu_email_08d632" ON "login_failures" ("email");
COMMENT ON TABLE "login_failures" IS 'Failed log-ins per normalized email, for throttling.';
CREATE TABLE IF NOT EXISTS "outbox_messages" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "to" VARCHAR(320) NOT NULL,
    "subject" VARCHAR(255) NOT NULL,
    "body" TEXT NOT NULL
);
COMMENT ON TABLE "outbox_messages" IS 'Mail recorded by the development mailer instead of being sent.';
CREATE TABLE IF NOT EXISTS "users" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "email" VARCHAR(320) NOT NULL UNIQUE,
    "username" VARCHAR(40) UNIQUE,
    "display_name" VARCHAR(100) NOT NULL,
    "password_hash" VARCHAR(255),
    "role" VARCHAR(16) NOT NULL,
    "avatar_url" VARCHAR(1000),
    "timezone" VARCHAR(64) NOT NULL,
    "native_language" VARCHAR(16),
    "daily_xp_goal" SMALLINT NOT NULL,
    "subscription_tier" VARCHAR(16) NOT NULL,
    "email_verified_at" TIMESTAMPTZ,
    "last_login_at" TIMESTAMPTZ,
    "is_active" BOOL NOT NULL,
    "deleted_at" TIMESTAMPTZ
);
COMMENT ON COLUMN "users"."role" IS 'STUDENT: student\nTEACHER: teacher\nADMIN: admin';
COMMENT ON COLUMN "users"."subscription_tier" IS 'FREE: free\nPREMIUM: premium\nENTERPRISE: enterprise';
CREATE TABLE IF NOT EXISTS "courses" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "slug" VARCHAR(120) NOT NULL UNIQUE,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "category" VARCHAR(16) NOT NULL,
    "cefr_min" VARCHAR(2) NOT NULL,
    "cefr_max" VARCHAR(2) NOT NULL,
    "is_published" BOOL NOT NULL,
    "published_at" TIMESTAMPTZ,
    "featured" BOOL NOT NULL,
    "tags" JSONB NOT NULL,
    "price_amount" DECIMAL(10,2) NOT NULL,
    "price_currency" VARCHAR(3) NOT NULL,
    "image_url" VARCHAR(500),
    "deleted_at" TIMESTAMPTZ,
    "author_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL,
    "from_language_id" UUID NOT NULL REFERENCES "languages" ("id") ON DELETE RESTRICT,
    "to_language_id" UUID NOT NULL REFERENCES "languages" ("id") ON DELETE RESTRICT
);
COMMENT ON COLUMN "courses"."category" IS 'BUSINESS: business\nACADEMIC: academic\nDAILY: daily\nTRAVEL: travel\nEXAM_PREP: exam_prep';
CREATE TABLE IF NOT EXISTS "sections" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "position" INT NOT NULL,
    "cefr_level" VARCHAR(2) NOT NULL,
    "course_id" UUID NOT NULL REFERENCES "courses" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_sections_course__c5649d" UNIQUE ("course_id", "position")
);
CREATE TABLE IF NOT EXISTS "units" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "position" INT NOT NULL,
    "color" VARCHAR(16) NOT NULL,
    "icon_url" VARCHAR(500),
    "section_id" UUID NOT NULL REFERENCES "sections" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_units_section_ed7ee2" UNIQUE ("section_id", "position")
);
CREATE TABLE IF NOT EXISTS "lessons" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "position" INT NOT NULL,
    "objectives" JSONB NOT NULL,
    "vocabulary" JSONB NOT NULL,
    "grammar_focus" VARCHAR(300),
    "xp_reward" INT NOT NULL,
    "estimated_minutes" SMALLINT NOT NULL,
    "difficulty" SMALLINT NOT NULL,
    "is_active" BOOL NOT NULL,
    "unit_id" UUID NOT NULL REFERENCES "units" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_lessons_unit_id_385333" UNIQUE ("unit_id", "position")
);
CREATE TABLE IF NOT EXISTS "conversation_scenarios" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "difficulty" SMALLINT NOT NULL,
    "cefr_level" VARCHAR(2) NOT NULL,
    "role_play_instructions" TEXT NOT NULL,
    "key_phrases" JSONB NOT NULL,
    "evaluation_criteria" JSONB NOT NULL,
    "expected_duration_minutes" SMALLINT NOT NULL,
    "is_active" BOOL NOT NULL,
    "lesson_id" UUID REFERENCES "lessons" ("id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "lesson_exercises" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "position" INT NOT NULL,
    "exercise_id" UUID NOT NULL REFERENCES "exercises" ("id") ON DELETE CASCADE,
    "lesson_id" UUID NOT NULL REFERENCES "lessons" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_lesson_exer_lesson__83cb29" UNIQUE ("lesson_id", "position"),
    CONSTRAINT "uid_lesson_exer_lesson__6c70d4" UNIQUE ("lesson_id", "exercise_id")
);
COMMENT ON TABLE "lesson_exercises" IS 'Links exercises to lessons, in order (an exercise may be reused by several lessons).';
CREATE TABLE IF NOT EXISTS "lesson_prerequisites" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "lesson_id" UUID NOT NULL REFERENCES "lessons" ("id") ON DELETE CASCADE,
    "prerequisite_id" UUID NOT NULL REFERENCES "lessons" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_lesson_prer_lesson__b5a3ee" UNIQUE ("lesson_id", "prerequisite_id")
);
CREATE TABLE IF NOT EXISTS "teacher_profiles" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "description" TEXT NOT NULL,
    "personality" JSONB NOT NULL,
    "voice" JSONB NOT NULL,
    "teaching_style" JSONB NOT NULL,
    "focus" JSONB NOT NULL,
    "is_system" BOOL NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_by_id" UUID REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "teacher_profiles" IS 'An AI teacher persona. System personas are shared; custom ones belong to a user.';
CREATE TABLE IF NOT EXISTS "conversation_sessions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "completed_at" TIMESTAMPTZ,
    "duration_seconds" INT NOT NULL,
    "message_count" INT NOT NULL,
    "config" JSONB NOT NULL,
    "scenario_id" UUID REFERENCES "conversation_scenarios" ("id") ON DELETE SET NULL,
    "teacher_id" UUID NOT NULL REFERENCES "teacher_profiles" ("id") ON DELETE RESTRICT,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_conversatio_user_id_fc3249" ON "conversation_sessions" ("user_id", "started_at");
COMMENT ON COLUMN "conversation_sessions"."status" IS 'ACTIVE: active\nPAUSED: paused\nCOMPLETED: completed\nABANDONED: abandoned';
CREATE TABLE IF NOT EXISTS "conversation_messages" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "sequence" INT NOT NULL,
    "sender" VARCHAR(8) NOT NULL,
    "content" TEXT NOT NULL,
    "suggestions" JSONB NOT NULL,
    "metadata" JSONB NOT NULL,
    "session_id" UUID NOT NULL REFERENCES "conversation_sessions" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_conversatio_session_794358" UNIQUE ("session_id", "sequence")
);
COMMENT ON COLUMN "conversation_messages"."sender" IS 'USER: user\nAI: ai\nSYSTEM: system';
CREATE TABLE IF NOT EXISTS "corrections" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "position" SMALLINT NOT NULL,
    "original" TEXT NOT NULL,
    "corrected" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "type" VARCHAR(16) NOT NULL,
    "severity" VARCHAR(8) NOT NULL,
    "rule" VARCHAR(40) NOT NULL,
    "start" INT NOT NULL,
    "end" INT NOT NULL,
    "message_id" UUID NOT NULL REFERENCES "conversation_messages" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "corrections"."type" IS 'GRAMMAR: grammar\nVOCABULARY: vocabulary\nSPELLING: spelling\nSTYLE: style\nPRONUNCIATION: pronunciation';
COMMENT ON COLUMN "corrections"."severity" IS 'LOW: low\nMEDIUM: medium\nHIGH: high\nCRITICAL: critical';
CREATE TABLE IF NOT EXISTS "evaluations" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "overall_score" SMALLINT NOT NULL,
    "grammar_score" SMALLINT NOT NULL,
    "vocabulary_score" SMALLINT NOT NULL,
    "fluency_score" SMALLINT NOT NULL,
    "pronunciation_score" SMALLINT NOT NULL,
    "comprehension_score" SMALLINT NOT NULL,
    "cefr_level" VARCHAR(2) NOT NULL,
    "strengths" JSONB NOT NULL,
    "improvements" JSONB NOT NULL,
    "evaluator" VARCHAR(8) NOT NULL,
    "session_id" UUID NOT NULL UNIQUE REFERENCES "conversation_sessions" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "evaluations"."evaluator" IS 'AI: ai\nTEACHER: teacher';
COMMENT ON TABLE "evaluations" IS 'The score of a completed session: overall = the sum of the capped sub-scores.';
CREATE TABLE IF NOT EXISTS "teacher_preferences" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "is_active" BOOL NOT NULL,
    "customizations" JSONB NOT NULL,
    "teacher_id" UUID NOT NULL REFERENCES "teacher_profiles" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_teacher_pre_user_id_a0e93f" UNIQUE ("user_id", "teacher_id")
);
COMMENT ON TABLE "teacher_preferences" IS 'A user''s settings for one teacher; at most one is active per user.';
CREATE TABLE IF NOT EXISTS "vocabulary_uses" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "word" VARCHAR(100) NOT NULL,
    "count" INT NOT NULL,
    "session_id" UUID NOT NULL REFERENCES "conversation_sessions" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_vocabulary__session_95c631" UNIQUE ("session_id", "word")
);
COMMENT ON TABLE "vocabulary_uses" IS 'How often the learner used a word in a session.';
CREATE TABLE IF NOT EXISTS "auth_tokens" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "last_used_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "user_agent" VARCHAR(255),
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "auth_tokens" IS 'An opaque bearer token; only the SHA-256 of the token is stored.';
CREATE TABLE IF NOT EXISTS "learning_profiles" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "target_language" VARCHAR(16),
    "proficiency_level" VARCHAR(2) NOT NULL,
    "learning_goals" JSONB NOT NULL,
    "preferences" JSONB NOT NULL,
    "weekly_goal_hours" DOUBLE PRECISION NOT NULL,
    "preferred_lesson_minutes" SMALLINT NOT NULL,
    "user_id" UUID NOT NULL UNIQUE REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "learning_profiles"."proficiency_level" IS 'A1: A1\nA2: A2\nB1: B1\nB2: B2\nC1: C1\nC2: C2';
CREATE TABLE IF NOT EXISTS "oauth_accounts" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "provider" VARCHAR(32) NOT NULL,
    "provider_user_id" VARCHAR(255) NOT NULL,
    "access_token_hash" VARCHAR(64),
    "expires_at" TIMESTAMPTZ,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_oauth_accou_provide_41dfbe" UNIQUE ("provider", "provider_user_id")
);
CREATE TABLE IF NOT EXISTS "verification_tokens" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "purpose" VARCHAR(32) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "verification_tokens"."purpose" IS 'EMAIL_VERIFICATION: email_verification\nPASSWORD_RESET: password_reset';
COMMENT ON TABLE "verification_tokens" IS 'Email verification and password reset: hashed, expiring, single use.';
CREATE TABLE IF NOT EXISTS "achievements" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "code" VARCHAR(64) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "icon_url" VARCHAR(500),
    "condition_type" VARCHAR(32) NOT NULL,
    "threshold" INT NOT NULL,
    "xp_reward" INT NOT NULL,
    "is_active" BOOL NOT NULL
);
COMMENT ON COLUMN "achievements"."condition_type" IS 'LESSON_COUNT: lesson_count\nSTREAK_DAYS: streak_days\nXP_TOTAL: xp_total\nPERFECT_LESSONS: perfect_lessons\nCONVERSATIONS_COMPLETED: conversations_completed\nCOURSE_COMPLETED: course_completed';
CREATE TABLE IF NOT EXISTS "activity_events" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "data" JSONB NOT NULL,
    "exercise_id" UUID REFERENCES "exercises" ("id") ON DELETE SET NULL,
    "lesson_id" UUID REFERENCES "lessons" ("id") ON DELETE SET NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "activity_events"."kind" IS 'LESSON_STARTED: lesson_started\nLESSON_COMPLETED: lesson_completed\nANSWER_SUBMITTED: answer_submitted';
CREATE TABLE IF NOT EXISTS "daily_activities" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "date" DATE NOT NULL,
    "xp" INT NOT NULL,
    "goal_met" BOOL NOT NULL,
    "lessons_completed" INT NOT NULL,
    "time_spent_seconds" INT NOT NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_daily_activ_user_id_c2ea3a" UNIQUE ("user_id", "date")
);
COMMENT ON TABLE "daily_activities" IS 'One row per user and local calendar day (in the user''s time zone at the time).';
CREATE TABLE IF NOT EXISTS "enrollments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "total_xp" INT NOT NULL,
    "hearts" SMALLINT NOT NULL,
    "hearts_updated_at" TIMESTAMPTZ NOT NULL,
    "last_active_at" TIMESTAMPTZ,
    "completed_at" TIMESTAMPTZ,
    "course_id" UUID NOT NULL REFERENCES "courses" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_enrollments_user_id_004d65" UNIQUE ("user_id", "course_id")
);
COMMENT ON COLUMN "enrollments"."status" IS 'ACTIVE: active\nCOMPLETED: completed\nPAUSED: paused\nDROPPED: dropped';
CREATE TABLE IF NOT EXISTS "certificates" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "number" VARCHAR(32) NOT NULL UNIQUE,
    "issued_at" TIMESTAMPTZ NOT NULL,
    "course_id" UUID NOT NULL REFERENCES "courses" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "enrollment_id" UUID NOT NULL UNIQUE REFERENCES "enrollments" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "heart_events" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "hearts_before" SMALLINT NOT NULL,
    "hearts_after" SMALLINT NOT NULL,
    "reason" VARCHAR(32) NOT NULL,
    "enrollment_id" UUID NOT NULL REFERENCES "enrollments" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "heart_events"."reason" IS 'WRONG_ANSWER: wrong_answer';
CREATE TABLE IF NOT EXISTS "lesson_progress" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "best_score" SMALLINT,
    "attempts" INT NOT NULL,
    "completion_count" INT NOT NULL,
    "time_spent_seconds" INT NOT NULL,
    "xp_earned" INT NOT NULL,
    "hearts_lost" INT NOT NULL,
    "first_completed_at" TIMESTAMPTZ,
    "last_completed_at" TIMESTAMPTZ,
    "current_first_tries" JSONB NOT NULL,
    "current_started_at" TIMESTAMPTZ,
    "enrollment_id" UUID NOT NULL REFERENCES "enrollments" ("id") ON DELETE CASCADE,
    "lesson_id" UUID NOT NULL REFERENCES "lessons" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_lesson_prog_user_id_db41f4" UNIQUE ("user_id", "lesson_id")
);
COMMENT ON COLUMN "lesson_progress"."status" IS 'LOCKED: locked\nAVAILABLE: available\nIN_PROGRESS: in_progress\nCOMPLETED: completed\nNEEDS_REVIEW: needs_review';
CREATE TABLE IF NOT EXISTS "exercise_attempts" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "lesson_attempt" INT NOT NULL,
    "attempt_number" INT NOT NULL,
    "answer" TEXT NOT NULL,
    "is_correct" BOOL NOT NULL,
    "time_spent_ms" INT NOT NULL,
    "hints_used" SMALLINT NOT NULL,
    "hearts_lost" SMALLINT NOT NULL,
    "xp_earned" INT NOT NULL,
    "exercise_id" UUID NOT NULL REFERENCES "exercises" ("id") ON DELETE CASCADE,
    "lesson_id" UUID NOT NULL REFERENCES "lessons" ("id") ON DELETE CASCADE,
    "progress_id" UUID NOT NULL REFERENCES "lesson_progress" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "user_achievements" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "earned_at" TIMESTAMPTZ NOT NULL,
    "achievement_id" UUID NOT NULL REFERENCES "achievements" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_user_achiev_user_id_da78ea" UNIQUE ("user_id", "achievement_id")
);
CREATE TABLE IF NOT EXISTS "user_streaks" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "current" INT NOT NULL,
    "longest" INT NOT NULL,
    "last_active_local_date" DATE,
    "last_active_at" TIMESTAMPTZ,
    "total_xp" INT NOT NULL,
    "user_id" UUID NOT NULL UNIQUE REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "user_streaks" IS 'The user''s running totals across courses: streak and all-time XP (one row per user;';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXWtz20aW/Std3A/jVCku62V7md2tgijY5oQSVSTlJBNOoUCwJWEMAgwespWZ/Pftxv"
    "vRANEgQALw/RBHAvo2qXP7dc999L8HG2ONNev1yNCfsWnJtmrocwXrsqkagyH690CXN5j8"
    "UNjuBA3k7TZqRR/Y8kpzBZWYhGT5Im4TeWXZpqzYpNWDrFmYPFpjSzHVLW1LnuqOptGHhk"
    "Iaqvpj9MjR1T8cLNnGI7afsEle/P5P8ljV1/gbtoJft1+kBxVr68Qfoq7pZ7vPJftl6z67"
    "vx9ff3Bb0o9bSYqhORs9ar19sZ/Itw+aO466fk1l6LtHrGNTtvE69mfQb+n//cEj7xuTB7"
    "bp4PCrrqMHa/wgOxoFY/A/D46uUAyQ+0n0n4v/879arJkk3U4X0lxcSNKAAzuiEIq7qtsU"
    "qH//5fUbAeI+HdAPGH0SZq/O3/7gQmBY9qPpvnThGvzlCsq27Im6oEcoKyammEiynUX7mr"
    "yx1Q1mI56UTCG/9kVfBz9U0UDwIFJBNPwCcAP4GgB8QP7A9VTXXnzdFyhgMb4R5wvh5o5+"
    "3May/tBc/ISFSN+cuU9fUk9fefoyyMzyJmDYCfplvPiE6K/oH9NbMa3VsN3iHwP6nWTHNi"
    "Td+CrJ69gwDZ4GqJGWkdad7bqi1pOSoPW2aD3AKKZ2/9tHWnf/n9H36Ek22boO2qe0TNDq"
    "ol438jdJw/qj/UR+PXvzpkCxn4WZu6SSVilt3fqvzrx3fyXwjX+zDMwL/M1mw5wSOxzagy"
    "NsVQvx10ViugSIvroRfv0hMWUm09uPQfOYBkaT6VUKePLxNoGXB/SYSC+G96EhX6sPD6pC"
    "/oSXLOrzjaxpYz1vuCckU+CTP6cp8E+bWlge6Tf48fzs3dv35K37Bekv7wpUMr8RJpPx7S"
    "I9jvGDSdaoZ6zxLNNJqQMuH1enTS0gqcW6zFKdv1Cnl2nT0LC01eQXSaUf6rgneItn8cjv"
    "ARZv7pXkC36Rtk+mbGGGDv4+n96ydZASS59EVcVG/0GaajW2nsSsv5WjajYZCq/p5x3DAK"
    "QwFSsmrYPU6ZJ2kFYMfpY1x6MDyNe1sanKPArKEW+HoujH9kdR37ZYoUbZ2jE9wDeq7tis"
    "+VS8NRd2dMCd+k37t2rVkmQypp4ZBtWVQbYHWc/hqeJyKUhXRLApTAPy6rDD/Wo6nSSG+9"
    "U4vSPc31yJs1en7tgnjchCQR9nAdewZRGs+FjBhNAe5KCPXgcO+zuoQMq2PnxhMoEeVll0"
    "PxgmVh/1n/GLi/GYfBNZV1jj16eeJ2FHnUQ1ehp9RVP+GjLUyUFFfiB/NPZGLfkG6PZ+Mh"
    "m4OK9k5ctX2VxLOYCTk4vFPnle+ZIffp5hTc4hBlhEv9djf6B3cTTOjBh+CWSzrzZnm/QT"
    "WZcf3T+Jfjb9pBA5x7TwgOk8cd+cFLtLaBvwj4B/BPwjnWLKwT/yPWq9jH/E0pxHHuItaF"
    "8P6bN7PT2Yd+T0rIx3hLTKJd3cd8kDvK3aGpf7KRToBUEP/qf+UpgKAebRMBmuEDq6Rd3Z"
    "ZEyn5FEhJn9A+Neyqr1w6mBwdT8f34rz+RCtHEvVicWx1IWRcC3ejEdDJCvyGm9UZalfC+"
    "PJb0PkfsZSX8yEz+KErmnyM9aWuvircCPdzcS7IcLf5I20NfF2UGWleltmoUrvKbF16m16"
    "ErnelI3KmEE7PDC+zAH1J3TT/+KhJX/jR9iTOSTCZ51EWLWkrbPSVOsJM4zEXfxkQvSAFG"
    "X4pLMcZYhcBcMhLVuD6dBOkqeDlkLWQHwgtr1jcs+uuBjMLI6ZZcuPXN7hoH07vI29cgtv"
    "TVXBkrwxHJ21yGFF3chazhqXEk1rx5N97ffRlIaa8i4WKOJaHI1vhMmr0zcnZ6mxHmjkIm"
    "POeWgpjmliXcmxLYpwjkse8Mx0P78+zKHpvMSh6Tz30HSeOTRt5EcsOSZX7FVCqBLILduk"
    "kxBflqIpLgtoiksWTUH9ZVXOSElJOCG1+YREXj4ZJqe/PiEE/vrkvHkwjY2kyfqjQ9ccPm"
    "BZsnU6A3sBMBnNFeHNSgK4xdEmiQGZhZo/6CTWVTfx3Rl3wprDifCTGVm0Z+PRYpA3qgHn"
    "MjhnJ3MJlL2dqwaA7y3cwWNjWWwTG/xesVN5Ufs8sVNzr5cejeUU0W7a6oNKvUv7BplFPf"
    "UVLKybhqZtMJXZCysx7KhPUDUZiCd+w6aiskPxwncnRcF42G8F4XgQjgfheJ0KzIJwvO9R"
    "62XC8Vw1ZfRdLqImkG1z6NhgMRNu5xNhMZ7eupExuuWdLZb6zf1kMb6biNLo03Q8EodoQz"
    "pUtxqWlCdDVfBSn4znC/F2fPtx6HqzsE4GyVKf34nCz+5Da4vlL+6zX2bjhfvoq6na7pMP"
    "48lEupoItz+TP0TVNGlF7J0vg3LjLRXGViqKrSCILev0MDZbrkz+SKLNym5v7JphmsQMks"
    "jo+4oZBmxRCYW0JIQOcsMvKwreujuUiyKXk5slCw7vYhVVS68l62No9ZWdHimxPjgHDz05"
    "nlRWiEE+5EF7wBoKuuxxpK4vSxxbxKxwDRALk09Z82fkszo4HMTnkIkPmfhpwDd4rcqcDt"
    "K4DPj1Cz2jLlQ1OJJuaD+CZeEyq0M7gd3pTooPqz28Sca2BmdSwFRPt332KfnFDzRV/7In"
    "Xl6ZiDi/30e83C1GtV8k/Ly/a0nwOxOfy3mXOjKrk4DZNt5s93bC+cNK8Hrr0+g6hCduGn"
    "zdXH9ctMrt9spJsfW1Xufc7+Fn+Pus6vbyT3DagdOuE7O8o+6bMk47dkXegnT/PpXjPUAY"
    "PbFffQae3/CNCUIaGk+CZ7DDZBDPZXDiIocjbpoc2h51c3Z68e7i/fnbi5C/CZ8UkTgMji"
    "w4JfBtxikxiLcGluaQLE383LknUdNDE/gkxdOkJmuCqhkJc1o+ZJAdvUCCNU+CNWlNhrkC"
    "DDsynkeQb0EGcfgQ1wkmIpiIvTMRFTLjeUzEoH3/Cu7VXsYK7noKwX17UQLctxe54NJXaX"
    "Cp31jixzghBlCXgPpBkx95izLEZfoQCnQYMgmCKJpmkjLmZBnftF9nXKLZv/v5xKKq5h1b"
    "Y8olO/o42QagdDiHoX/XA8vAC2+BKDDv3DaN+AXJQxt8gmDwdXAi99jgg0S+vmk9wKgwkQ"
    "8qv0Pl9+QOdoTNqpGsCXAI1+8QNlb/wq5NyZUMl5SCNLjioV4hDe7ZUOSVo8msaw7y1ZKU"
    "aodaenX556MpbzayKT0YisOYMPmbbEawf1TZeam99rxgrz3P7rXftpKJqeXMseYnZPpzkW"
    "p9MUBhmlvVm2tZHRwO6Mtmca4jTQ7yOyH3sJu0eYJA0FWbM6gtJgJBgsVBbQFpumfQ1b3f"
    "TTch3RlvFRtQ7EC2Mm4dS8G6bKpGnbf/+l1279RWysETxhBC7mFJxLYmNvEfjmqR5bQ+1O"
    "5ivfYVuTXeYvL1dBtgg2TXQ6xpkPXKta4Z9ExT07SM+uoLVs07/Isq9mb31l0BABJf+d7B"
    "hK7JKBRCtoH8SIITpOrIMNfYRK9kPWyCNvILWmFkYsfCa7R6QRZZoUxZC+R+eD1IQd7Yhz"
    "CjFbQwWCKKVzhB8edhvgnEMUAcQzfWp456tMvEMYDbD/JAW0zxMAr28IGaEAJIi1mzaJPe"
    "kzeLQia7CetO5iwxrHYngUKOLQ+4pXJsj5QImmVAcg2HNE+y03iIs1yNhBLHDufx7wYHcT"
    "iId2MF6fFBHE43tR8YE14DPmAZogAvHB6Pcnjcps4RAG8xvIy526YjZKyQC+PomCzzkn9k"
    "9EqlyLQhlBSBAyEcCHt3IPxCIM3qu9ylYYFsm7OOBsL99Xg6RLKzVo2lPr4RPopDpG7Iqr"
    "nUP4+vRfLuWV1jI+3QKhMv/b5EtPT73Fjp9+lIac6yDftUbGjdDEuWd3lTKhCdNssv8fIm"
    "G4r+YJgb1vJWUBojlOhftH/9RXT+cGRNZQVM5wMcEwGEdyO8dkw3TCP/fpwPmiHnBaYzhF"
    "OgP1Dp7sFeAPP19P5qIqK7mTgaz8d+QlG4A7sv6aMoiHomCpMU6pb6J5ZWL+xrwdXHXB9m"
    "Uq6SF7NlQPtOzP8+Ozs/f3f25vzt+8uLd+8u378JvZnZV0VuzavxR+rZTIx/xg065Njo4c"
    "axsiSEeri2lN0ii3bIH6pW2UlEIO0fgNc9ZZQKvDvOPTldQapJ+mOOlbwbOYJXJ0XEh+U1"
    "asQ/poQVk6DYDlAhXTPU+kuFQLGdvmk9wAiK7ZQ8VEKxHdr3ETYrKLbT1PiuOepWwQ8mmS"
    "/PmIuqTUodcCgLp00N5tTCUWbZyF800kuGd0TmjKZICEEcRXEcRWSE7Ono713915OUoz8x"
    "rKonsNMs+D2ZgJ7VCWiUAHCxYlj/AYb5pn+oqLrtfisiHsDwB8O/Y7O4oyYgGP7fo9bB8A"
    "fDHwx/MPzrNPwNzTC5bP5A4IAD+L8u349Gb84OY/PXH92iks/jvbwoLtM/L38jlxf5hggn"
    "vZKUAn6lmF+JGXt7Eiwxf3U3gd3JsCRHVnWKJXY9TnWSpXeJK43SLPF6ijcEuZzba1nNTo"
    "pIGCUmIG08iYZIGcvyx4OFyWs6FYGUAVKmG3O+o+Z5GVImnI0ZneeH28ZEwIZh2DAWLdKZ"
    "Y8TsTveJpNtMgAzu5+JsiBwLm0tdGA+RrC71+W/zhXgzRNaLZWP3Wsgjp/qQz7L9Mp1laZ"
    "GYSJvxby0pYjmPj/TaA+YJMf9ClpRYO25k6dVFORtsy3Tz59FKXKYdKunVJTn+qZibIYhL"
    "AUOwiyEILY+9QzBiRe2jXrsJcgm2ID7KqrMFimGasSj/6ozBKOyoR6gfjDUIBuwO1iA2rk"
    "uyBv44ab5uxe8Detj0xyOZq6Zvcv4TeAPgDdo563vMG0AwR9+0XiaYgyy7dt51jiWYjVD6"
    "gL7a6EIzrnImo8X4szhEnvRSvxPu5+L1EG1lWkV/qY+mN3cTcUEfKcZmS09G5KlwJdxeE+"
    "TJU3kl62tDx+sqLEj9Lt/Yfsk5XZOSPZyu3Z2e2VU5HItVduOUbA2qbpnPv0+a3l2hJP/i"
    "zN31SRrk8bty96vvDSW4OSwCORfdjBxAm43x0h/URx4eMpIAFrJ+FtK/oJGXhkyK7WE4d2"
    "eb4KhXbGNZeQr5irKgJqWA202X7rO4EY2JAJw77tm1WF5r/nt2/W66Cenue3ajAbW73LMV"
    "u/y2TvdD7+7UTaOc2l0SSJPvgG7vJ5MBa8GtAemF19OdaTyoWodN2p0gJ3ebBMYzYqHMxq"
    "NFOSdPPHRwHw8PM3yxJ+AnBuuzocgrR5NNRhVPHsg+h/3c9yo7nM8vFiuY9yxrTogZG9ep"
    "jhcG+adETbhEb/1YaP/idiKGblem7zDulC1yGSa8wFDgHvyB4A/simdov6tH5xtZ01qWEN"
    "kwU3Z+9u5tSJLRX4r4sfmNMJlkSTLDVB9VXWYk6eXHrsZlIHi1QvCqv01hxkZRFDEcEwLY"
    "K8COv201cv7gzWBPiQH0FaB30cpgXs6fH8i2GfjBx5lwcyPMhujRlDcb2Vzqn6cj4ep+Is"
    "x+G6LIDlvq8zuRLsQfh8jaYk0jWiLPFr9NRPLAftFoFMBsent/OxoLi/H0doi2pqGT45oa"
    "jsAW+PkxsaBz74Yok3wSybdarZPpL0OkGV+X+o14Pb6/GSJ6iZazWeqfxh8/DdGT+vi01E"
    "ez8WI8EiZDRGRtVfG2xiMnpZgOX0GUoH0PKnQkcb0ok3R/kZ9zf5FNuafBKhzO2rA95LEx"
    "/LSYdWdVLpaYeUsVIDmI+FFO11VSCrxXxd6rTcQY1+hp6R8PfZJyAiRHWZsu14zRrwzqMU"
    "nO5lOPESVcjnocLJ4wsohRh5HxgOQovhP5qQ5DZJDhIWsa+l9k07bOhrakPyrka9CGzupH"
    "twfrdfq8UX/vQIi2YF06AUIUCFFIkOi11sskSPhrt+Suz7xceEa4T2fpOjhxn8Kphm5GGN"
    "BNohtxYdUAZskDxqmrcTVaOqciwBlhQDdVkDVOyFbDOKcLQDrtKNtsTfyEdasy0jldANJd"
    "vgmnSUybvAmHfJDbM1/NorhQOxJTelWxSCULBDkTb7DOutIlXy9pOVBN7arxSbW8Ut27HY"
    "2JDg6ZDq5yqmAQFLdbiMLoE615Fws0P7InsW31o3bzed1wKvDQ3SUqTQUBx1USParXmWqD"
    "MuqvMrWXQyFM7MAP2HRLmDL8CtlGJ0XuhSCHYhu2L+lmENzimX+zkIVtskE8WujBMJGh42"
    "CB+QnJNtqQ4eo+VC2/GAXaYtMVzfoW6umSWcA5yA0LFj8o3gw+hhr3ZWCbwccAWi/nY1At"
    "KSpqlEpxMgwNy3rO2hqXS6l8RQSb0nL45LCr6dV0Oklo9Gqcjoe9v7kSZ69OXVWSRqp38G"
    "BwMI5lGxv1zyiKoKwpmpVshzHaqwIWUGoBSi20EU4otXDIUguQ/19n/v+RQ/9SKigy00Ml"
    "lbHR3cZlDXQdCePAcqYmsmXo8ms0dy+3CH4nJrSJkfVE/l3/hLztnhrXFlphzdAfkW0gOc"
    "9cb+ADIBqwBQv/CVjq35HNBpb696j1Mpa6+/+MvvO99kH7HvrrT0vdsHpacMPqKdx8XWWr"
    "aubma+9sojEzTfPZkJQYUCG1UyHPhsq6yy9fJaEAKKMZXop8IclNH+fRSlYS1FO7eh4MhX"
    "WXQb5WQgFQRu3KUC0pujWSz6kRyR3QqRHYpp31aXTNi9R5wAPzffXCSatnBKHUdiG3HuF1"
    "OIa9nbjuJIAzQ6v6PX/xe+BSy0nFErD9u2MxlaySCBirjhkzYK0viDXpZEgWz2X4GDLVdf"
    "NdDLHkN8cq62H4ZHxFxoONdTe9n+y5pu4F4q2RjL4a5hqpOvnJn1pZB0IFeWZwXyxylUpB"
    "cB+4DDqybnSUPAaXwfeo9TIuA3f9zeg732UQtAeXQTmXAe91Xke4xuu0KXRrLmrWtuyjdh"
    "xh67Vl4fb6Y9xe36TRITj208L4gpk1zaKXhcYG2UCeyBGetCsfymRsZaJBtCJGArERXOGf"
    "kEH2UNd2mH8Sfjy7fBtUGnNf0/wgyybjbM0MXdq7QwhVasHaA3bH93QCLWN3uFNVepKtJ5"
    "5zaFKqntPoUTNYk2fRtxcljqJvL3JPovRVpua9SpRWYXIlJXs4uToymRjmXHY2abJlU0aw"
    "yiqaloUbudusaRM/kzWwip6TkqDlNmvZTUkhJ3sWiZC/OyalKu2OLdNpqhrT5WWZekyXl/"
    "kVmeg7yECDDLR28Qg7M9COQyJMqKuP/H0F+VHpJidFhILmN+bLkMpHG0z7Fkz+EzDtwbQH"
    "l2KvtV7GpWjLJlmGJU3WHx3mBSkFrE5WtH+H1/pvYXN3UUV1izUXlG7dXSWR2dEB85WEU8"
    "5tjUgMkXC61IUz8v+zpX5Ffr8iv1+R36/I7yPy+4j8PiK/j87SfoVStkYZS6N85dfw6PNo"
    "yBpXOkBWsh15Ab0qNFoYJVmQaZYUa4diepWw8RXjL9qLO/alJ8MxGer5oBlyTlgFUzqlpQ"
    "cq3pR+zl83dQd0gSKup/dXExHdzcTReD72lRIeFdyX9FGURTAThQlzQpjkLEbMNIvAtVF1"
    "x2bNjl2F7vP7OWCsSwdu4m4PD9WGkq51sFA8pMkuxoqzuG5VvqoN0NfMVu3HQBmPqv5BVj"
    "XHZNNP8fcnhdwTbSk9eE1LxrPQjvEaEdEfycbqlq/VDZOsd+qf5DHekNcnbu1b+8k0bJve"
    "5ZyNYanaCZBbLVhTToDc+o5ojjLkljtheciNUKApg/p44SrnZ2VCp0mrXDvZfbfn1l3fbj"
    "OlgZGC4gVjM3abxPvC3cZwYydlr2kDbo7fKWfzrK69U0bwsxTszJBZBTsF7BTgBgGtH9wN"
    "El+Xyx4REmt5/zKszstw6ef5ZPp5hk3PbHgVwJby2ZM+gN5IrBQ50GDLkqrFbjOF++fn63"
    "UMd8uQ7+6+kRPy2Qr+t71KhTjENjG7h7PLHXtlfLshu4f8yKSBkw1OCi1zt6m08dqWJIJv"
    "ZFVDJlYMc43XaOXlHq5ppISxpfd/IsrxYBOpBF9ysqXpiCtMFIIs8jJLCe/fHZDDLVhuTs"
    "Dk/46Mv3JJjTwHYq91D22P2njhRB0IZ/UvrHDlw8REeohyIxbeylgz6hnmFzkP2vcC36KV"
    "qK765i1xdbgHWcZJKjjg5h+g6BkREjfg+ALHl94dX8Bj0Tetl/FYHDuioUX1Nxo5uNINk/"
    "eKnrhMLRR5i0C+KIPxRT7EF9kLelRrq8kvEi/KableHGIPUN1wK1sWrQjJ7QLKCPbP/dOI"
    "VWYarItdyiV3BbIHzOeybGftF6HgSeqaL+6vxdvFEPnyS30hCqNP4mwY3F651IXrm/HtEM"
    "nrjaqnedXjZOHJz+QQbUqOybWHJqX6Nw3IqlFy4SlceTJLDz0+/mnofOmlMZkDzoL7xagp"
    "o69pj7Mu06tXKuXyMkR7OLprX0XW5Ej9In3burlqWbyLk6wywofLrDrrQGaV5azCryDZal"
    "5s1u6tlNnRAVeUBxNj3k31w0wUSWdEcqnfzcSb8f3NEG1NvFGdzVIn2604u5uN56QN2XGx"
    "uTVV7w6K408J18yUnrGpki6rkBLMDiAIpj1URJaBcmsReqlaFQsZxoVB123WNVwNd+Cr4b"
    "x4nioraVISplXbphWHUzFmuDpEjTQzX6GVEfa9HmzkdtJZ1RdfoqbEbjWQ4Ao6TvR88kaC"
    "q+i4x51j2cZG8gGsC7WwUmMPZ2rqzorqaCXuyOjj2MqmqFYHK50Y20e8PDtS8faAOkbY51"
    "iHvR5p7mldtV8k/Iz3HmqC35n4jPs71hRs2t7Y2PtYFvXUV7A89tMfZOq+gF3T3oJB1lfI"
    "sG4amrbZfzaKYUe9heobNhXVwsT2tfFmuzdgfneC11tfUXvCsmnXst5/oj31erH3C+NtTY"
    "PSAHvCNXE7u4v11UfIiCGjksFVwwJG452FqLc+AcYVPs6oVLuNDEU2vkFNvDKjMnNLQA9t"
    "T/IKy1/qwIuOynnYW0+g4sxQyJpHjHQFpg2Vn7uQY8PtTgAVqSsRxcWRrK9REM+GyGKL7S"
    "GiYW14fYLcvHsC0gmyyL8aRo6Fs2mgdXUK2RSHcARANgXE1XNlU2wdk/RYOW4zJt7muOSB"
    "eCOMJ9JncTb+MB4Ji/H0dojikRfeyrbU74T5/Jfp7FqaiaSrYbjMSe4yl14cy0Xr111XCC"
    "4l/d4K2rRtPezI+lcqwKPifaRwFWl39AsVi/Y7NULFIk4r8qQbFYvilBLDbE0xTvkGa5ro"
    "gpx7sBLBSuyTlQg5933TOuPsxAgoXHNlVQXtwbjcaVzyJoH3OPn7rFQO5llBCuZZNgMz/s"
    "0yMOcXikqJHTBr6gingNqqRSXyJcjn86YZx2X6l4Z5WWp8XxaM78vs+CafuFY9BxFFign2"
    "bvY220ub15fBRJzPp7fSaHpP8+/9iAQ3nHOpzxczUfhZuhZ+m9PUfOqVlNbyi7XUf72TFt"
    "OFMBmib1tiWNiyttTvxNkHcbSQvB6JxBabD1ix/fv/iNRoevtZnM1dqnhOPvLmbiIuxOsh"
    "ikfZW+TTN1s364RK3M/mYrIpzTaI2rSEPn4iJ4QnQ2OYS7m5uwmZw+XtNjlHvczds9OLdx"
    "fvz99ehOm74ZOiHN5s2hIZWyamJjkHqgmZw6HacDJ0bZBC6t0BUu8qJWXRQJm9Mz0gqKki"
    "aRcPLWfSdqnY8yLiLhPzDtwdcHfA3XWFxSnD3X0hkFY1EALZLpgFBKaZe+z2DQPyJ5nuwT"
    "w0G8KDeWg6hId34Xb+iziT5vdXN+OF20bWra/YlCxntVHt1hze6dzOKpPeSZ9XdMdrn56y"
    "qmKj/yBNtRrbd2ML5spRNVvVrdf0Y4+xZlJ8ipmONKmRmoa0gzTTEeZc8G1eKbE9drGWsR"
    "777FmZPAM+TBNCgGi2sisEQEAARKsDILJLQA2gTsKOOjnvd6KaWPYSuJJvgG7vJ5MBc8eq"
    "AVox1lU/wU3t0znwHidwJ54vzWAAUunU+fZ/OoMbjH8w/sH475PxTyz8Fd81z5FE78I46j"
    "fHVctyKs2phGAPp1RHplCpCHLfjcu3TSWEwIgCm7RJOKNKKbxkVFrwsOeqVgILxv4hjX0l"
    "rMi5J6ilS3t2FdbEjrJ/Gglr9ciqIagGUZYW2KvSUhsWjN28QHrJLKGKvYz9ZK0vhrmfKQ"
    "aWb/CzqpDtritB9I9M4ysNkqPlHEy3AIRmKLKGyH9YX8smWssv6JWqu5eE0zZ/sxA9uiJ6"
    "pQmSbfc5ffBDtsJE/d0zyIjfw8WbnqoH/wRyAsiJTmwPPSYnIKuob1ovk1W09mnprL5zQx"
    "hYJ46Eljuo4QKNUi1lwouzkBXEFTPwgoDiAb14StpgxmpTGE8cFztgOHH4pFPxxFlHrpVM"
    "gCg5hpmyMKTTENMVULK21BqxME3nYQRl52d1MIUB5DTIwFYCqXZs2qGlJURihA+DmUjSQf"
    "m0RKrSd71hCJHl73ONYPuD7d+NxaGjViDY/t+j1svY/mQTtx3GEbXkzbah9AELM0SppDw5"
    "KcJoMf4sDpEnTZPDY1nhYdbJnXA/p4+2Mi0nuNSvZ9O7O/pgbRrbbbWck/qvuHVz5iUuBi"
    "IuAvZE2p5w751gzILi+7MjqcMhetksonXcm+3BIlXfT5gd9HBb6e42kj09uJcoe2tr1SuY"
    "E9JQwrXN2g53zCo2QkoWNN1uTUOoJYRatg1OIC8hIrCNsO4VEQjX4ME1eO0ogMS8UTYf2f"
    "IXlPFdK9vOY93eN5Sl7/JkuWmy130W+GpYV41C4ij4Z8A/0xWmvox/xt/o5GhJ4ArciQtC"
    "vVAGB+zjI+Ul6ObimxU8HL6nXQHXrd2VBTW/8Hck0eZSZ7VwQo1U/aaBeqaJFd7YyqTgAa"
    "MrjwN+jcGVseC9TcWgvw3E+zGhfaIdS9Qly+2jS0j2Btka/XSaYTHWiDKez1AUYE3WHXer"
    "MXPWHY9keoNmbdP/6IUdO7ShdaWyYz8hDWhITlBTYgAruMzAZdYy3w6Xy+w4hR27Cm1RZc"
    "eWFCTtKrT5FUmZwOa70SpC20NfWhri1ObdpmSgmPuX4WVKOofzHUxpdzT4lsC3BL6lPvmW"
    "fD5nhR/IKl+RDIqE++ReqpFokx9s1jm7FLihLGCbxJbMSeZJsFz+UiTdZifT4JfZ9Paj5N"
    "2IM0RfTUN/lCL/2PGL7raz2mU7jo/AfBwbTmA+Dsp8FNSu5Oc+9qpe2RF4q9SvPJgFmbLi"
    "GVZk1s7PtyQZwbpNlZbwKSIoLQHmZTeWix6bl1Baom9aDzDqW2mJZ1n1euBT92AyHf3s3m"
    "NqKF/c20s/C+OJcDWhBSeCPpf6+Fa6m00/zsT5fIjUaB/Mq0ZxK4rXc2kmfh6Lv5ABhPHa"
    "kkz8rOKvVey++utQrLBlS5ZSgTNKSlYiNVqWHVIjpxHP4+CLQYbwwSErfsifUqp7w7DDsk"
    "xygWWJAsBQ9PIIIENgYUN1f3JCYL+76NfaYH1QTbK971MkhN0DlAppz3E/a+W5RXz2UTqz"
    "A9B5m3WuOKZJN25vvpK/GzN2/r/Pp7c5pyu2eFrnqmKj/yBNtRpbWWPc2spRNVvVrdf0Y4"
    "9Br1G4EvrP5IOlU79SiqUdpPPBAqSJWW1WJOCYPcD0bPP0BMcsJE90B1LwdYOv+9jOWC5f"
    "N4ShNxSGDkEEBw8iYGRb5vPQPDW1GLWMeqIDvqJanIEXdJ0VlCcVP+O8yzzSTU6KQi/chU"
    "2OWjcafBH7HIjAgAiMjszzjvriy0RgeE6ACkpPCPZQ5x3RcSlrP7bqcppRWUmwpsA4BeO0"
    "ZYd8LuNUTp4M90Q2dc7sKcDZdbBNsdh0dM9tckj5MsixBvy3uw0By21YzgYYLJ4wolJ/s5"
    "Dp6DoBGrnXCVlIVkzDspBX9toaIq9bJOtrJGvaj/RMgH69Q68MHSPT+Iq22HR7+mmQUlsT"
    "n7HUVdtyH9GoPEQeqbJGDFHSZfBRUXSP9cPrAduqAfMFzJdOLHI9Nl8ggLxvWi8TQO57nL"
    "Mqz4/WjCQgKitz+buhP2KuQLeYBMCZgTN2Zxk5YMiatGbekkDXp4J4J2YPRetUCdy7E1FB"
    "l5kCXOEmub5zVnCVac3LUnt4qt0GSTdYKh5jfxejFVyV0zCf1Qbo92ez6mNOBGL7K08DBm"
    "vivzkpYkzkqE1rKp/lro7MecxYF32NtHYU1bMu5hMJz9i01LzKQWxoYyJtLhdUHuJEeujZ"
    "5WWJ/FDSKjdB1H2XSmXcMnb2fIT95j1E9/TNmzLZt2/e5Kff0nfpvEbdZhrIBRH3kcjho+"
    "yPs9/XFk+/18lg383sr/8HMkBrrA=="
)
