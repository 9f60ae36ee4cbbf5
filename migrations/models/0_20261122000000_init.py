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
    "eJztXWtz2ki6/isqzpdMFZNywHZyvKdOlcDKhB0wLsCZObveUjVSA1oLSdOSHHvm5L9vty"
    "6gS0uoQcKS0l8S0+q3Ec/bl/fef3W2pgp1+/3QNJ4hsoGjmcZcgQZAmtm5Ef7qGGAL8R+5"
    "/bpCB1jWvhdpcMBS9wiVCIVsByReF7C0HQQUB/daAd2GuEmFtoI0i/TFrYar66TRVHBHzV"
    "jvm1xD+8OFsmOuobOBCD/4579ws2ao8AXa4UfrSV5pUFdjP0RTyXd77bLzanltDw+j289e"
    "T/J1S1kxdXdr7Htbr84Gv33Y3XU19T2hIc/W0IAIOFCN/AzylsHvD5v8N8YNDnLh7lXVfY"
    "MKV8DVCRid/1m5hkIwELxvIv9c/m/wapFusnw3XchzaSHLHQbsMEMI7prhEKD++u6PuwfE"
    "a+2QLxh+EWfv+tc/eRCYtrNG3kMPrs53jxA4wCf1QN+jrCBIMJGBk0b7Fj9xtC2kIx6nTC"
    "CvBqTvwz+O4UDYsGfBfvqF4IbwVQB4B/9AdWrorwHvcxiwGE2k+UKc3JOv29r2H7qHn7iQ"
    "yJOe1/qaaH3n88vEK8tfgLtBhN9Giy8C+Sj8Y3onJbm667f4R4e8E3AdUzbMbzJQI9M0bA"
    "1Rwz33XHct9Uiuxyk51+vC9RCjCNuDt99z3fs/xe/hBiA6r8P+CS5jtJrI1y14kXVorJ0N"
    "/ti7uMhh7Fdx5m2puFeCW3fBo57/7HsM3+ibpWBewBeHDnOC7Hxod97gqFpIvy9iyyVE9N"
    "1E/P2n2JIZT+9+CbtHODAcTwcJ4PHXOxheFtAjJK2Y3ueGXNVWK03BP+E1jfp8C3R9ZGRN"
    "9xhlAnz8c6oC/0NVG8uavMHP/d7H60/4qfeC5MPHHJbMJ+J4PLpbJOcxXCG8Rz1DnWWbjl"
    "OdcfsYfKhqA0ls1kW26uyNOrlNI1OHsqWDV1kjX+p6ErzNsnlkj8A3b+ad5Am+ytYGARtS"
    "ePD3+fSOzoMEWVIS1RRH+H9B1+zK9pOI9rd0Nd3BU+E9+b63UAAJTPmMSfIgIV2SAZKMgc"
    "9Ad31zAH5dByINsDAog7wejCJf2x5GvVhQIUqZ6iIf8K1muA5tPeUfzbkDnfGkvqj/Ua3Z"
    "MsBz6pmiUA1MfDwAI8NOFaVLQLrEhFVhGhqvzjvdB9PpODbdB6PkifAwGUizdx+8uY874Y"
    "2CNKcB16FtY6zYrIIxohOMgwF6DRD2D5gCibV19US1BPpYpdH9bCKorY1f4auH8Qi/CTAU"
    "2vwNTM/j3UCNRHXfun9FBL7tLNTxSYX/wD8a+rMWv4Fw9zAedzycl0B5+gaQKscAJ0/Mnp"
    "lo2fVNP9r2tskWYIC1hw/5IeS1d0Z/F9mwQ3UHeE+6+Q4A0odb/LnFn1v8G2X75Rb/H5Hr"
    "RSz+tu6uWUxJYf9yzBiH99Oz2fs/9IrY+3GvTDOS9ywukjqaozM5VHYErTA5c49Ke41yCg"
    "ZmbSKKcZ/MbslwtyllIC4qROjPCL8KNP2VkQedwcN8dCfN5zfC0rU1A0v3j4Y4FG+lyWh4"
    "IwAFqHCrKY/GrTga/9+N4H3Ho7GYiV+lMdnTwDPUHw3pd3Ei38+k+xsBvoCtbCFodY7Zqa"
    "6LbFTJMyWyT10nF5HnH9hqlBV0wKcQ0JyRf2IzPQo+WuCFHWGf5pwI9xqJsGbLlrvUNXsD"
    "KUriIYtbjPSMRrddS2OtbjvkjlAckrQlqA71tBg1UFNIK4grrNu7iHl1Rcn4ymJYWQ5YM/"
    "k7w/718J+1ytFpIU2BMtiarkHb5KCibYGescclSJPc8WnfB2NUxaGq/GU5jLiVhqOJOH73"
    "4aLbS8z1kCOXKXXOR0txEYKGkqFb5OEcpTyjzPQwvz2P0NQvIDT1M4Wmfkpo2oI1lF3EFE"
    "0UIzoK5Jod0nGIrwqZKa5yzBRXNDMF8QAdIyPFKbmEVGcJCT/cmIjRAx0j4h7o+LpZIXMr"
    "68BYu2TPYQOWRlumM7AVAOPZfCS8aUoObn78RGxCpqFmD6OIDNVMfA9GUtDWcCygYoY37d"
    "louOhkzWqOcxGc04u5AMr+yVUCwA82bKDYWBTb2AHPHA0UcdXCrDj0QUD5+dcZ1EGGUyvA"
    "eu6P0qK5/L3KgCnpBSJFo4dM7Z5184KmYNCLh03xsCkeNtWoABoeNvUjcr1I2JTHphS/i0"
    "U+hLR1DvHpLGbi3XwsLkbTOy+CwbB9weLRmDyMF6P7sSQPv0xHQ+lG2OIBNUuHsrIxNQU+"
    "GuPRfCHdje5+ufG8DtDAk+TRmN9L4q9eo21B8OS1/TYbLbymb0hzvJbPo/FYHozFu1/xD9"
    "F0XV5iufSpU2y+JcKNCkUb5QQbpY3T5tZiyiHeU9SZ2fWNMTIRwuKqjGffN0hRNPKSt5OU"
    "PMSLGX6gKNDyTigPRSZnJI2WOyZLd0zCFwvvjzuVr+jySJC1wYlz7sWx0Wiu4GzIw/4ca1"
    "5K4gSRurz8VGhjtcJTQGyIv0VlzwWmDXA+iPs8B5jnACcB30JVA4yOrCgN97/merA8qEow"
    "+E/IOKJtwyK7Qz2BPWj2j06rE6z+plWC0T+0VE+tttn+KQUAdM14OhEvP0E9at9vC17n8J"
    "VMw9fN9Jjs5+Fhv4kcWQHluk/+ufuOYCfUvFH+xd0q3K3SiFXeUAN7EbcKvVpjTuJsm0o1"
    "niEgFWsYgY2UXTWJEPKEDpZUqfCESSGeqWNHSc6nWlc5tX3luvfh8uPlp/715U7D3rXkqd"
    "kUK0YoJbAdxgkyHrnI9ehz6tFRufNEVbqFSko3oUknFmtMmR6Kc5KI30nPXm6mqN5MUaU2"
    "uYu6peiR0YjcbA0yjGjlkXdcReQqYutURAWveBYVMezfvtJVpReE4feA7MC9viwA7vVlJr"
    "jkURJc4tmT2TGOkXGoC0C90sGaNb05StOGYI3zGJO4m7tqS1JKnSziPQwq9sokj+40l9i+"
    "PnDD9phCrsMQJ8fkKJ3PYRjUAacpeLsK4TnqndenEr8gbnS4T5ArfA1cyC1W+HiqVdu4Hm"
    "KUm2rFayjzGsrxE+wNDqtK4tq5Q7h8h7C5/Df0dEqmdKU4FU9Uyp/qRyQqPZsKWLo6oBUM"
    "z2ZLnKoebGnVxXBrBLZbgOSVqbiUBZN9yKYI22cq6xc6a/s5Z20/fda+WDKCRHNm2PNjNO"
    "25ZK+8GKBdItKxtxrSBjgf0FfV4lxGIhPPwOPZYc00m8cMCIbmMAa1RUh4kGB+UFtoND0x"
    "6OohGKaZkB6Mt4pMKHogWxG3jq1AAyDNPDHNaWgazxDZXq95MGTzpLZCDp5dDCHPDiuImI"
    "Uggn+4mo230/JQu4+M2lbkVGhB/HqGw2F7e+9iXgHH9EI+5G2U2ao5dsZkAgg7IsExhcBt"
    "2RU0QzCRCpHwDhi7LsIWvApLKCDo2lAVlq+CDfEeDfSQ7qf3nQTklX0J1TW6vwR67xztCt"
    "H2XXA7d5pyp2kz9qeGus+KOE25j4EnndVYn6TUb2ADNUbEIc1X0feH9IlK+j4+q5mwHlTT"
    "Y9PqcMYZT+hjAbdQQt8bZZ2l1a1MxSGplB1UHqIqdSVxixHhPPpuXBDngngzdpAWC+Jcui"
    "ldYIyZKNmApZByeLnw+CbCo5WQIzi8+fBS1m6dRMhI1QiK6BivKZEtMvp1GQDpyOsXcIGQ"
    "C4StEwifMKRpfhe7QyakrXOKQ0d8uB1NbwTgqpr5aIwm4i/SjeDdHv1ofB3dSvjZs6ZCM+"
    "nQKhKc+alAaOanzMDMT8mwTMYc8VPSw2u3wuK1JC4KRb2Sbtn1JC7Sca8rE21p21tOHv6O"
    "on2hxeVX7PjDBbpGi87MBjhCwhE+jLDqIi9UI/u6hM+6CbKiYCnECdBXhLp5sOfAfDt9GI"
    "wl4X4mDUfzUZC9sDuBvYekaR+xOZPEcQJ1W/sTystXalD3QFtn+jDjdEd5MWsGdODE/O9e"
    "r9//2LvoX3+6uvz48erTxc6bmX6U59YcjH4hns3Y/KdcqIDFRh83hp0lRtTCvaXoEZl3Qv"
    "50bEmPWATS8XFlDG6mmjGjUAze21yb0BSkqjR/hBdMU2wfkbunsw0f0Wuuy/aPKbvyLLyy"
    "BzeFNE1Ra68phFf2aBvXQ4x4ZY+CQiWv7EHGfoPDilf2qGp+lxx1q8AVwuvlGTKZauNUZ5"
    "zK4oeqJnNi4yiybWRvGsktwxeRGaMpYkQ8jiI/jmKvhJzo6G9dscluwtEfm1bHZ8uSlNsT"
    "LQEtS0qu1ADgYUXR/kMMs1X/HaPK1vvtveGBK/5c8W/YKm6oCsgV/x+R61zx54o/V/y54l"
    "+m4m/qJmLS+UOCM07g/7r6NBxe9M6j85cf3aLh72O9KSVK0z4vfyU3pQSKCKN5JU7F7Sv5"
    "9pWIsneigSXir24msActLPGZdbyJJXIXx/FGltYlrlRqZhFdZ7MwnyA10mL/sJtncMFC+k"
    "Z2SL+C9YxEQzAtgEEXlhAgiASP+G+CifUUwdlAYf5F/Ll3dS2YK++j91jQbMF28OJT07WL"
    "yhiQ57fUYEPuctvOD6TlF7HteEtV3gB7w6Tqx6had1dn+XccwhdLw0w7YnHFKVu4uBqymC"
    "gms/Rq0oHtyKRc3xGMTtKWwOqaqW5t4jSCz3gPPIbPcUrO5TpzGS9HJGPJ3mBKiotTtc/o"
    "0ru6KmIMv7rKNoaTZ9/TUDOWfd+TcHPLgbLvGKoSbC0PwTDNhPRw2ff9hKpTrYoxVroN/P"
    "vukbnSPIAptc7iXbr5hc78zrLl9+alK7hqz1X71qn2PGyjbVwvFLYBEN6GZR0YaxcfJ0xW"
    "nTRp+4TX8r2y3imqaNBQXvMi3w/Xi6EOVOdgeExxI4gfHg2xh//vPRoD/HmAPw/w5wH+PM"
    "Sfh/jzEH8e9pJ+hTcInN+JPmsT6EyXj6Yp63HTZasuILUQXEGEFwDbxbAJsnowplVXkH6D"
    "8El/9ea+vCEB/xRlMruwCpX6yMoqR/Gn/76qazIrrqziz2yEZbGgXOWRl2fmjdOey0rLuO"
    "+xPnaoN3WIlWiFYjGaHLJYTQ24MPE/Fdur6gB9ydaq0yxQ5lozPgNNdxHd/BR93s21PZGe"
    "8srvWjCehQwMVQGT/owPVsGCSDBI3Tld+xM3wy1+3BVWJhKcDTIdR8fgpmNYjh2EG7dqsK"
    "d0uXHrBzJzFDFueQuWxbixI6hKoX67cJV+r0gQNO6VqSd7z048uss7baYkMFJUFNM1qDmq"
    "see5p43pxU4Cv2slSasWMkl5XD+RIfhbDk9mnr3KTwp+UnA3COf62d0g0X25qIgQ28vbl8"
    "PaL2JL72cb0/spa3rqwDsCbDnbetIG0CuJlcICDbRt+bjYbSpx+/x8rY7hrhnyzT03MkI+"
    "a2H/rS9TeRxinSy759PLXWdpvkzw6QHWVDNwvEM3VzP3uspbv29BQ/AEaLqAoGIiFarC0s"
    "89VEmkhGltoeEIxMYDkaBhfLFkS9IRlxAzRLDxw7RJ+PThuHG4BttNl6v8P5DyVyypkUUg"
    "9nu3UPcozS4cK47hLv8NFaZ8mAhJC1GuRMNbmirlmqjsmlBh/1bgm7cTlVUOqiauDk+QpZ"
    "XhDATcnDKcuAdP3ODiCxdfWie+cI9F27hexGPx1hENNaq/UYngSg5M728GiKM0pZjIawTy"
    "ZRGML7MhvkzXM9VsSwevMivKSbpWCLEV3UYYc78B2/5mYhGU1QWUImyf+6cSrQyZWRWRDy"
    "d3hbRnzOeyHVcNilCwJHXNFw+30t3iRgjoH42FJA6/SDPMcggUrCg8GuLtZHR3IwB1qxlJ"
    "u+rbZOGBZyxEI9bqqHGq9i2Dqm4KJ+Ljn6bBWB98T3PGVfCwGFal9FXtcTaAoz3Do3J5Ka"
    "QtnN3l3x+ORepX+cXyctXSeOcnWaWIz5dZ1WtAZpXtLnevIDtaVmzW4aOUOtAZd5QVgpD1"
    "UP08kyQ8GKZ8NO5n0mT0MLkRLAS3mrt9NPBxK83uZ6M57oNPXIgsFNz6/PZLwlMz5WeIND"
    "zkMUYJ6gA8CKY+poi0BcqrReinah1ZyDBKzHldZ15rtgwUIiyk+TwwsdICjAybfpQuweIl"
    "Jqxq+w0tJudl62A6Hcc4OhglPUsPk4GE91aPlfuk7vQ56MfzHLOTxin5sqrbsmJwKkYUVx"
    "ezkWTm+xcpnliev/B1k/Vkfbo6f0zHj1fCPx6lWOX9hhkWCyGVTnw7Hqxkul0b8fKlUwX4"
    "KkUJM+xrZMDWzTSmiAhK8SVrX6WSjnBY5qHIdSSpwpct2fgYI0nSE44SVkKdldkxJhmr4n"
    "CgrkRUPiFKLgBDFUK/g4DPWejcCMT9ANWu4OVHYJC6go3/1aHg2jAdrlvWoDzq5RwCG496"
    "4fEPTFEvlovwiEf71yLkdfYfd6SJOBrLX6XZ6PNoKC5G07sbIWoh83e2R+NenM9/m85u5Z"
    "mEh7rZbXOyt80dYxosP/+TXx7zoyUe1m0/bMj+V8gQd+S9MfzKmObwl2eWniY18szSdmaW"
    "ilj0UTYdisYaPOnmXpC571ObXIjMIAHqaqZEBgTcq6/QU8r94dlKIJaGbeoFwdmCZYSkzi"
    "pAnSIayaJiQDjo3kJ0KwnQxd/oUO8Oyy5lHiE5fxnztznzSytY/qY5fd//A4Gd2sw="
)
