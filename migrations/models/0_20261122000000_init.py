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
    "eJztXVmTm8iW/iuE5mHcEWqHa7VHPTMRSIVtbkulCi3u7tu6QaRQSuKaRc1Sruqe/u+TiQ"
    "CxJIhEIAHOF7sK8qRU38nl7OevjmasoGq9HRj6MzQtYCuGPpWhDkzF6PS4vzo60CD6IXNc"
    "l+uA3e4wCj+wwVJ1CeUQhWR5JO4QsLRsE8g2GrUGqgXRoxW0ZFPZ4bHoqe6oKn5oyGigom"
    "8Ojxxd+cOBkm1soL2FJnrx+7/QY0VfwRdo+b/uvkprBaqryB+irPBnu88l+3XnPpvPxYeP"
    "7kj8cUtJNlRH0w+jd6/2Fn17f7jjKKu3mAa/20AdmsCGq9Cfgb+l9/f7j/bfGD2wTQcGX3"
    "V1eLCCa+CoGIzOf68dXcYYcO4n4X9u/9f7aqFhkvQ4nklTYSZJHQrsEEMw7opuY6D++ns/"
    "7wEQ92kHf8DgMz95c3P/gwuBYdkb033pwtX52yUENtiTuqAfUJZNiDGRgJ1E+wG9sRUNkh"
    "GPUsaQX3mkb/0finDAf3BgwWH5+eD68FUAeAf9gauxrr56vM9gwEwcCdMZP3rCH6dZ1h+q"
    "ix8/E/Cba/fpa+zpmz2/DLSz9hswmIT7RZx95vCv3D/Hj0Kcq8G42T87+DsBxzYk3fgmgV"
    "VomfpPfdTQyAPXnd2qINejlIzrdeG6j1GI7d63P3Dd/T/B78EWmGRe++NjXEZoNZGvGniR"
    "VKhv7C369frduwzGfuEn7pGKRsW49ei9ut6/+zuCb/ibJWCewRebDHOM7Hxody5wVc2EX2"
    "eR7eIj+mbE//pDZMsMx4+f/OEhDgyG434MePTxNoKXBvQQSSuW97khXynrtSKjP+E1ifpU"
    "A6oq6mnLPUIZAx/9OVWBf1XVwbLB3+DHm+v39x/QW/cL4l/eZ7BkOuKHQ/FxFl/HcG2iM+"
    "oZqjTHdJTqjMdH/6qqAyR2WOc5qtMP6vgxbRoqlHYqeJUU/KGOK8FbNIdH+gzs8KY+Sb7C"
    "V2m3NYEFCTz4x3T8SOZBjCwuiSqyzf0fpypWZedJSPtbOopqo6XwFn/eJRRADFM2Y+I8iE"
    "mXeII4Y+AzUJ29OQB9XRuaCqBhUAp5PRiFP7Y9jHrZQRkrZSvH3AOuKbpjk/ZT9tWcOdEZ"
    "b+p39b+qFUsCaE09ExSqvoGuB6Cn2KnCdDFIl4iwKkx949V5l3t/PB5GlntfjN8I81FfmL"
    "y5ctc+GoQOCvw4CbgKLQthRWcVjBCdYBz00GuAsH/EFIitreuvREvgHqskuh8NEyob/Wf4"
    "6mIsom8CdJm0fj3T8zCYqJGoHp4evqIJvgUW6uiiQj+gPxruVy36BtzjfDjsuDgvgfz1Gz"
    "BXUgrgSHKxyJJn36P8+PMEqiDFMEAy9O9nbA/0Lo7GtRHCL4Js8pV2rcWfAB1s3D8Jfzb+"
    "pAA5x7Rgh+g8cd90s90leAzzjzD/CPOPNMpSzvwj3yPX8/hHLNXZ0Bje/PHlGH2On6dn84"
    "5cXefxjqBRqUY3911UgLcVW6VyPwUErTDQM/9Te02YMgJmY5gEVwhe3YLuaAnVKSoqhOjP"
    "CP8KKOorJQ86/flUfBSm0x63dCxFRxrHQucH/IMwEgc9DshgBTVFXugPvDj8rce5n7HQZx"
    "P+izDEZxp4hupCF37lR9LTRHjqcfAFaNLOhLtOkZPqPs9BFb9TQufUfXwTud4UTSHsoCMe"
    "GI/mjPzjm+l/2aMFXugR3tOcE+HrRiKsWNLOWaqKtYUEJfGYfTJCekYTZfCksTbKALkCik"
    "OctgTVoZ5GngZqCkkFcY10e8ek3l1hMrazKHaWDTZU3mF/fD28ja1yC+9MRYYS0AxHJx1y"
    "UFY0oKaccTHSOHf2tG+9OariUFXexQxGPAgDccQP31y9617H1rrPkduEOrdHS3ZME+pyim"
    "6RhXOY8owy03z6cB6h6SaH0HSTKjTdJIQmDWyg5JhUsVcRokIg1+ySjkJ8l8tMcZdhprgj"
    "mSmwv6yIjBSlZBJSnSUk9HJrmJT++ggR89dH983aNDRJBfrGwWcOHbAk2jKdga0AGK3mgv"
    "AmKRm42dEmkQWZhJo+6CQ0VTPxPRp3QtrDkfCTCTq0J+Jg1klb1QznPDgnN3MOlPc3VwkA"
    "zy3YQLExL7aRC/6k2Km0qH2a2KnpfpYWreVKA6aEF2jKCjlkKnjXzQqagt4oFjbFwqZY2F"
    "SjAmhY2NT3yPU8YVMumxL8zhf54NPWOcSnM5vwj9MhPxPHj24Eg27tBYuFPpoPZ+LTUJAG"
    "n8fiQOhxGppQ2alQkreGIsOFPhSnM+FRfPzUc70OUEeLZKFPnwT+Z/ehtYPgq/vsl4k4cx"
    "99MxXbffJRHA6l/pB//Bn9IYqqSkskl37t5FtvsXCjXNFGGcFGSeO0oe2oMq4PFHVmdn1j"
    "jAzTROKqhFbfN0hQNLJS3eOULMSLGn4gy3Dn3lAuilTOSBItc0yW7piELzt0PgYqX97tES"
    "NrgxPn3Jtjq5BcwemQ++MZ1qzwxgkidXnZvNBCaoWrgFgQfcqKPnOaNMH5IL5hGdMsYzoO"
    "uAZXCqB0ZIVpmP8104PlQlWCwX+E5+EtC+Y5HeoJ7FGzf3hZnWD1N3YlGP19S/V41zbbP6"
    "FcgqroX0/Ea5/OH7bvtwWvc/hKxv7XTfWYHNbhcb+JFNoB5bpPfg8+wzsJFXeWfzG3CnOr"
    "NGKXN9TAnsetQq5tmZE426bClmcISEUahmcjpVdNQoQsoYMmVcq/YRKIp+rYYZLzqdZVLu"
    "29cn19dfv+9sPN/W2gYQdPstRsghXDlxLoLuMYGYtcZHr0OfXosNx5oirdQiWlG9OkY5s1"
    "okwP+ClOxO8kVy8zU1RvpqhSmwyibgl6ZDgiN12D9CNaWeQdUxGZitg6FVFGO55GRfTHt6"
    "90VekFYVjXlADc+9sc4N7fpoKLX8XBxZ49iR7jCBmDOgfUaxVsaNObwzRtCNY4jzGJubmr"
    "tiQl1Mk83kOvYq+E8+hOc4kd6gM37IzJ5Tr0cbINhtL5HIZe1XSSghfUU89Q79wxlfgF0U"
    "Ob+QSZwtfAjdxihY+lWrWN6z5GmalWrIYyq6EcvcEucFlVEtfOHMLlO4SN5b+hq1NSpStF"
    "qViiUvZSL5Co9GzIYOmogFQwPJ0tUap6sKVVbfQ2JtA0YEprQ3YIGyb9kk0Qts9UdpPrrr"
    "3JuGtvknfty04yIdacKc78CE17WhKWFwMUJCIV7QFJmuB8QN9Vi3MZiUwsA49lhzXTbB4x"
    "IOiKTRnUFiJhQYLZQW2+0fTEoKu5N00zIT0abxVaUORAtjxuHUuGOjAVo8w+mt6UzZPacj"
    "l4ghhClh2WE7GdCU34h6NY6DgtD7Wn0KxtRW4FdxB9Pd1msF3eu5hVwDG5kY95GyW6ao6d"
    "IV4AXEDE2QbnuS27nKJzhrmCJvcG6MEQTgOv3BJyJnQsuOKWr5wF0RkNVJ/uh7edGOSVfQ"
    "jRNXpomX1wjna58PMguJ05TZnTtBnnU0PdZ3mcpszHwJLOaqxPEuo30IEaIWKQZqvoh0v6"
    "RCX9EJ/VTFiPqumRZXU844wl9NGAmyuh70JZZ0l1K1VxiCtlR5WHsEpdSdxiSDgPfzcmiD"
    "NBvBknSIsFcSbdlC4wRkyUdMASSBm8THi8iPC4i8kRDN5seAl7t04iZKhqBEF0jNaUSBcZ"
    "93UZAB7I6hcwgZAJhK0TCL8iSJP8ztdDxqetc4pDh58/iOMeB5yVYix0ccR/Enqc2z16oX"
    "8RHwT07llZQSPu0MoTnPkhR2jmh9TAzA/xsEzKHPFT0sNrt8OitSTe5Yp6xcPS60m8S8a9"
    "rg1TIx1vGXn4AUX7QovLr9jxhwNUhRSdmQ5wiIQhfBzhlWO6oRrp7RI+qgZIi4IlEMdAX2"
    "Pq5sGeAfPDeN4fCtzTRBiIU9HLXghuYPclfnSI2JwI/DCGuqX8CaXlKzGou69sUn2YUbpC"
    "XsyaAe05Mf/r+vrm5v31u5v7D3e379/ffXgXeDOTr7Lcmn3xE/ZsRtY/oaECEhv3uFGcLB"
    "GiFp4tea/IrBvyh6IlPSIRSMXjyijcTDVjRq4YvMu0TWgKUlWaP/wG0wTbR6j3dLrhI9zm"
    "umz/mByUZ2GVPZgppGmKWntNIayyR9u47mPEKnvkFCpZZQ889wUuK1bZo6r1XXLUrQzXJt"
    "ovz5DKVBulOuNS5q+qWsyxgyPPsZF+aMSPjL2ITBlNESFicRTZcRQHJeRER3/rik12Y47+"
    "yLIqni2LU25PtAS0LCm5UgOAixVB+/cxTFf9A0aVrfdbB8MDU/yZ4t+wXdxQFZAp/t8j15"
    "nizxR/pvgzxb9Mxd9QDZNK5/cJzriA/+Puw2Dw7vo8On/50S0K+jzaTilhmvZ5+SvplOIp"
    "IpTmlSgVs69k21dCyt6JBpaQv7qZwB61sERXVnETS6gXR3EjS+sSVyo1s4SLt40QcimtMk"
    "nDullGGDlEIGl7ioqMMpblrQcLotd4KzKjDDPKNGPPN1Q9z2OUCXZjgufp4bYhEqbDEHQY"
    "C1cETFFijqf7HKjrbADpzKfCpMc5FjQXOi/2OKAs9Olv05kw6nHWq2VDtwfdhVN90GfZUC"
    "ccaOlmkRBJnfGvrVHEcjYbXGOdKCGmd3+IkdWj/UOrunJo0Ab48qfhSpimHixpVUcOTyqm"
    "thCEqZiF4JiFINA8Tg7BCFXQPszaTJBzWAvCq6y4tUA2TDMU5V/cYjAIJmoR6mezGvgL9o"
    "jVILSuc1oNvHVSfd2K3ztY2PTWI9qrpqdy/ovZDZjdoJ67vsV2AxbM0Tau5wnmQMeundY7"
    "LodlI6A+o6/20D2JqpzJYCZ+EXrcnnqhP/HzqfDQ43YAV9Ff6IPx6GkozPAj2dB2WDJCT/"
    "k+//iAkEdPwRLoK0OHqyJWkPJdvqH7knK7RilbuF2buz2Tp3KwFovcxjHaElhdM59/mzh9"
    "vEJJepe+4/VJKrTjN6XRpOcNRbg5JANyKroJOgZtMsZLXysbGjvkgYJZIcu3Qnrd4GjNkF"
    "GyExTn5lwTFPWKbQjkbWCvyAtqlIrZduOl+yxqREMkDM4jTT0tkteavqmnN00zIT3e1POw"
    "oI6Xe7ZCnTbLdD+0roFnHOXY7RJBGn0H7nE+HHZIB24JSM/2Mz2ZxlpRG6zSHgU5ettEMJ"
    "4gDWUiDmb5nDzh0MFTPDzE8MWWgB9ZrM+GDJaOCkxCFU8ayL4E88xblR1O5xcLFcx7BqoT"
    "YEbGdazDmYH+yVETLjJbOw7av6mdiIHbleg7DDtls1yGES8wK3DP/IHMH9gUz9BprUenGl"
    "DVmiVEVmwpu7l+fx8YyfAvWfax6YgfDpNGMsNUNooOCEl66bGrYRoWvFogeNW7piDhosiK"
    "GA4RMdgLwA5fdiqSP2gz2GNkDPoC0LtoJTDP58/3aesMfOfThB+N+EmP25hA04C50L+MB3"
    "x/PuQnv/W4gx620KdPAj6IP/U4awdVFXEJPZv9NhTQA/tVxVEAk/Hj/HEg8jNx/Njjdqah"
    "I3FNCVZgDfz8EGnQqb0h8iSfHOhrzdbh+JcepxrfFvpIeBDnox6Hm2g52kL/LH763OO2ym"
    "a70AcTcSYO+GGPQ7S2Iu+vxgsnpZgOXUEUf3wLKnREcb3Nk3R/m55zf5tMucfBKhTO2mA8"
    "y2Mj+GkhqWdVKpaQ2KWKIdk52EcpXVdRKua9yvZeaQeLcYmelvbZobsxJ0B0ldWpuWbI/E"
    "owPUaNs+mmx4NJOJ/psTPbQs5CSh3kjDUHDvGdnJfq0OMMtDyAqnL/w9l4rKPhkfhHGX0N"
    "PNBZ/ujOYL2Nyxvlz84MojU4l7rMIMoMoixBotVcz5Mg4Z3dkns+09rCE8RtkqXLsIl7Jp"
    "xi6CaIGbpRdA+2sGIAk+gZxrHWuCounVMQ4AQxQzdWkDVskC2GccoUDOm4o0zbmXALdasw"
    "0ilTMKSb3AmnSkyr7ISDPsidma5mUZioHokprapYpKADAsnEGtRJLV3S+RKnY6wpnTWeUS"
    "2tVPdxR2NkgnOmgyuULOj4xe1mAj/4jGvehQLNL+xJrFv9qOP2vGY4FWjM3TkqTfkBx0US"
    "PYrXmaoDM8qvMnWSQyFI7IBraLolTAl+heSgbpZ7wc+h2AXjc7oZeLd45n9anAVtdEFsLG"
    "5tmJyhQ/+A+YkDNqeh5eo+VCyvGAW3g6ZLmvQtlDMlsYCznxvmH36seDPzMZR4LzNrM/Mx"
    "MK7n8zEolnQoahRLcTIMFQI95WwN08VYvkSEVXE5eHLe07Q/Hg8jHO2L8XjY+agvTN5cua"
    "xEg5S94EGwwTiWbWjKn4cogryqaJKyHspoqwpYsFILrNRCHeFkpRbOWWqB5f+Xmf9/4dC/"
    "GAuy1PSASXl0dHdwXgVd53jR15yximwZOnjLTd3mFv7vSIU2IWdt0b+rn7j9dY+Va4tbQt"
    "XQN5xtcCBNXa/gA1g0YA0O/i7T1L8jnY1p6t8j1/No6u7/CX6ne+398S3011/l6rB6ldFh"
    "9Yp1vi5yVVXT+Xovm6jETNN0a0iMjJlCSjeFPBsKqZdfOksCAsaMauxS6AtJbvo4DVeSlI"
    "w9pbNnbcikXgbpXAkIGDNKZ4ZiSYeukXROjQPdGZ0avm7aWJ9G07xIjQfcV9+Xr5Rm9QQh"
    "K7WdaVs/4HU+C3s9cT1qAE4sreJ9/sJ94GLHScESsO3rsRhLVokEjBXHjBiw1hbEqnQyRI"
    "vnEnwMieq66S6GUPKbY+X1MHw2vnHG2oa6m96P7lxT3wfirTjAfTPMFafo6CdvayUdCAXo"
    "icF9ochVTMWC+5jLoCHnRkONx8xl8D1yPY/LwD1/E/xOdxn445nLIJ/LgLad1wXaeF1VhW"
    "7JRc3qln1UDxG2XF2Wda+/RPf6KpUO3rG3M+MrJNY0O7zMVDbQBbJFIjwalz+UydgBxEFu"
    "iZQEpCO4xD9xBrpDXd1h+pn/8fru3q805r7G+UGWjdbZihi6dPKELFSpBmcP0zu+Jwk0j9"
    "7hblVpC6wtjRwapSpHGr1oBmtUFr2/zSGK3t+mSqL4VaLmvYKYVmBzRSlbuLkaspkI6lxy"
    "N6nAsrFFsMgpGqdlHbnrzGkTPqMzsAifo5SMy3XmspuSgiR7khEh/XaMUhW6HWvG01g1pr"
    "u7PPWY7u7SKzLhdywDjWWg1cuOcDQD7TJGhCF29aG/LyM/Kj6km2VQUL3BdBlS6Wgz1b4G"
    "m7/LVHum2jOXYqu5nselaAMTHcOSCvSNQ2yQkmHVSZK2T3gtvwube4vKilusOaN06/Eqic"
    "SJzpivxF9RXmuIosfxVwudv0b/Xy/0Pvq9j37vo9/76PcB+n2Afh+g3wfXcb9CLl0jj6aR"
    "v/JrIPpsDKBSpQMkKeuRF9CqQqOZUZIZmWZRsnowplUJG98g/Kq+umtf2hqOSWDPR9UAKW"
    "EVROoYl9aYvCr+3Lytqgd0BiMexvP+UOCeJsJAnIoeUwJRwX2JHx2yCCYCPyRuCBPJYkhN"
    "sxBcmqI7Nml3HCt0nz7PGWNdGtCJuz52qDqUdC3DCkVjNDlmsaIsrlvUXlUH6Eu2Vp1mgT"
    "I2iv4RKKpjks1P4ffdTNsTHimt90NzxrPgieGKQ6Q/oovVLV+rGyY675Q/0WOoodddt/at"
    "vTUN28a9nJMxLEUnYcatGpwpXWbc+o7MHHmMW+6GpTFuBARVKdSXC1e5uc4TOo1GperJ7r"
    "sTr+7ybpsxDozk5X0wNuG2ibzPvG0MN3YS7IdW4Ob4HdtsnpXVXsrwf5b8m5llVrGbgt0U"
    "zA3CuH52N0j4XM4rIkTO8vZlWN3ksaXfpBvTbxLW9MSFVwBsKd160gbQK4mVQgINtCypWO"
    "w2kbh9fr5Wx3DXDPnm3hspIZ+1sP/Wl6ksDrFOlt3z6eWOvTReRuj2ABuiGTg6oJupmbtD"
    "JW0/NqcheAQUlTOhbJgruOKW+9zDFY6UMHa4/yeHbTzQ5BSEL5JscTriEiKGcBZ6mTQJnz"
    "4dMw7X4LjpMpX/O1L+8iU10gjE+9Et1D1KswtH6kA4y39DmSofJkTSQpQr0fCWxopQzzC9"
    "yLk/vhX4Zp1EZdU3r4mrwxVkCZKUL+CmC1BYRmSJG0x8YeJL68QX5rFoG9fzeCwuHdFQo/"
    "oblQiu+MKkbdETpinFRF4jkG/zYHybDvFtskGPYu1U8CrRohyna4UQe4bqhjtgWbgiJLUL"
    "KEHYPvdPJVqZaZAau+RL7vJpz5jPZdnOyitCQZPUNZ3NH4THWY/z6Bf6TOAHn4VJz+9eud"
    "D5h5H42OPASlP0uF31Mll44BkJ0abkmFR3aJSqfdsAnRo5D57Mkydx9GDx8U9Dp0svDdGc"
    "cRfMZ4OqlL6qPc46wK1XCuXyEkhbuLpLP0VWSKR+lV52bq5aEu/sJKsE8fkyq64bkFllOc"
    "vgK0i2khabdfwqJU50xhNlbUJIe6l+nAgCmgxRLvSniTAS56MetzOhpjjaQkfXrTB5mohT"
    "NAbduNDcmcq+B8Xlt4SrZkrP0FTQlEWMEsQJWBBMfUwRSQuUW4twn6pVsJBhmJjxus68Zq"
    "3hztwabh/PU+QkjVKybVW3bUXhVAwprg5iI87Ml3FlhFPbgw3cSRrL+uwmanKoq4HEWtBR"
    "oucZbyTWio563TmWbWiSB2BZqAWVGlu4U2M9K4qjFemR0ca1lUxRLQ5WPDG2jXjt9Uh5fw"
    "eUscK+hCZs3Uqjil0ilEnbHU4pMsJ+QZbjOBNK1Lbk4KOM+UouOEIAGHFVZjQkJe+K4yH1"
    "AjbOcGFyDugrzvcQckgihnaPw45CuOpybiYTAqnLWehfFeL2o8nA+rImZfFp51CtWHwai1"
    "Siik/bOSaasbAnPERe50iPjjDixaH0RZiIH8UBPxPHjz0ubMven2wL/YmfTn8ZTx6kiYCm"
    "6gXHnOQec0WM+OVnarM2T99binDdzsOGnH+5TOYFOzyx5k7N4S/LAT9NamQ54O3MAeeR6C"
    "NvOwSN1XvTzWxlexhTm6yl1HAe4m4mxPB43Kuv0FNKJ/B0JRD7T4hdq9MFyxBJnVWAOsUe"
    "401FgbA3vIXoVhJKjz7RJnb5S286ECI5f8OBy9z5pbUWuGj27d//D7bfTkw="
)
