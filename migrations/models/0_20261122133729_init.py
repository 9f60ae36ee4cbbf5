from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
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
    "eJztXW1zo7YW/isaf9o7481snGy2k965M9ghd936JWM7206bDiODbNNgQQUkcbf57z0SYP"
    "PqgNd2CMuXJEg6Mn4edN50RL42lqZGDPtEcp3FxLwntHGJvjYoXhL4I9nZRA1sWZsu3uDg"
    "qSFGYximOHycaMdT22FYdaBrhg2bQJNGbJXplqOb/HMaEkWmhf9yCZoSzAhDQvhHZFJjhZ"
    "wFQePP0vvWxwtkzsSl6Ea6jWzHZEQ74Z+imSp8jE7n+5rQpTpMAN9jTmAIg2l//wOadaqR"
    "J2IHl9a9MtOJoUXg0jU+gWhXnJUl2m5vu1fXYiS/2amimoa7pJvR1spZmHQ93HV17YTL8L"
    "45oYRhh2ghCKlrGD7gQZN3x9DgMJesb1XbNGhkhl2DE9H478ylKscfiU/iP87/599aaJii"
    "DIYTZSxPFKWR4I3fQgx5v0k1Kedcpw4H6uuzN+8GENHa4B/Q+SyN3p1d/EdAYNrOnIlOAV"
    "fjWQhiB3uiAvQNyiojHBMFO0m0r6DH0ZckHfGoZAx5zRc9Cf7YhYGgYUPB5tEPwA3gOwDg"
    "DfiC2hAedp/7LQRMun15PJH6N/zjlrb9lyHwkyYy72mJ1lWs9Z3Hlwmr2lvx60nQL93JZ8"
    "Qv0W/DgRxndT1u8luD3xNoClOh5qOCtdBjGrQGqMHIDetiqSoLbC+SrHcWmKUzHpWKMQ7I"
    "HWaVHZLhJX5SDELnzgIuL863MPxFGolVdnEeY23g97RE13MEZvJk6UDaDosrKlnBxfVGFl"
    "OAydbVZGDbUVx7Jy0al90D1f4KqpneP9OMPIAO3IXnqGTNcplZhuXIFAz4p7CcbR2jUjtZ"
    "x5JxGjWPrY8fc9hHGJVpIEXfcxLqYp5+SGSf7n55188L3j0PoGb3qc49hyoJ7TVEZ/qc/k"
    "xWAuAu3AemKkkB1I9Yb/1p3iakm9bNCmP4cR1xhh8o+O7wjYnjLXVp3JGu5IZAeIrV+0fM"
    "NCUCNe8xW2asZT022bVsLeMtmILS0Pxvwe/ZR70HQTeF73fDzJkuAE6kEuJDmtsSCoY/WL"
    "G80fnSCtlo16F9CRZ/sw7t69A+alEtbUfWo5I162VhPcVn9e8+lNDBDNSwYmA6d8GcFMrq"
    "JEWr57yeXuTwXU/jBG5cV94V9VyFFVV1QtUVfMwDMdIxl6m7TLhZEfxTJ9pPci0PBQ3ptK"
    "BZA4lLJJ3eUakFv1t3tA3Xbbhuw3Ubrjtw3YHrDlx3WvF9hVyxRp5IIzvOiHO1dn3mJva8"
    "oihRP42Hg4z0TEIyrhd11UH/IEO3nYMxtPFFpq5uODq1T/jnvYY7wpGKqMQA9Xd96dc4IZ"
    "3esB3XdXyCdmIpkRlhsABIIW5iYuUghn9sZYh5JOTeWIlnX1mYLkuh59owsZPOT6p0jKUZ"
    "Fz8UP2cnH45PxNXwtt2T0c1I7nTHXZ+UtasgOnkTNOhemDmSpV7qgmDgi0GYZgNcS526Tt"
    "rqGC+xYXRpBgPb5okRodOD0XB6KBbgbuHX+7PWp4sfmlxXc87h4tMWesZ9qdfrDialzUO9"
    "6obYHrNQRZImL2WshpRMTPhx4HxVGaDfc7bq2zJQ5lyn11g3XJaefgr3N7fmnvhIZeYNzV"
    "nPwicmGgLR92BYkUUYoiYDfaf/Dc1kCd1NNDMZchbMdBwDwE3WsOw6SZ3cKoFOadbJre8o"
    "zZEnuSUWbJHkxlrgUAH165WrnLU+5IiSYVRmnCz6vtF078/aDHlhpKSqpitsX8LaRPq3Wh"
    "tT1E5ib+gBtjl+5zmbB13zvIzgbyWwzH/UlqK2FLWlqLdBataPvQ0S1st5XYSILj9a2v2I"
    "bkIuL2GLk5Cy8xE1eDuArWRnT6oA+kFqpcChIbat7Fa7nSpcvX2+Stdwlwz5t2s3Mko+S5"
    "H/LS+pdR1imTK7x4vLXWdqPvXBeuB5aho4OqC5NTIXQ5WlNzZnIriPdQMxoppMIxqaemcP"
    "NV4pYVpLQh3EczyEIR3wBc+WH0ecEiAE2dCZTAl/+3R1crgE6qZZh/zfUfCX71BjEYfYG1"
    "3B2GNveeEwtrY7/ZOohc7DhEQqiPJBIrypqa2SEE/IU0Z9RzC+Evhu00Tyr5OIEkoUN60V"
    "UW84+H8wPF7xVJqtDuHIpnhSgYOb7UBxH7E+uFG7L7X7Ujn3pd6xqBrreXYsXruioUTv3z"
    "iI48oNpvi7AMRhmb2kyEsE8nkejM+zIT5PIKzptmXglVIU5bhcJZzY2KmjD3nQhlHZ544+"
    "JPC2sG0/muCCFt0CSghWb/vnIFEZM42MB/vlw12B7BHPc9mOq/kvoShyqGs8ub2SB5NL5M"
    "vf0YksdT7LI6CcYBUChTsqXfW7g0uEtaVO43nV1zmFhx/AiWaKywrZ0KhU9ZYBaI2cimer"
    "5kmoHu4+/m3SYsdLQzJHXAW3k86hgr5D7zhT7OgPZKezvCmiFXy6965FNHCpV8qTJc6qJf"
    "HefsgqIXy8k1WtN3Cyynan61tQHD2rNutlU5o60RE1yowRUtSoXo9kGSYDyTt6M5L73dv+"
    "JbIYWeru8o6CuZVHN6PuGMaAxSXMYrpNymFYRZipPBCmw5S7JCVSJ6iLYMqTikhmoMS7CL"
    "2jWju+yDAsXHNdZq51W8EqdxaSPLdNCFowzcjph+ViFE9B8FDqN8iYHJfW9nDYizDa7sZ3"
    "lm77bRl0q6Byc6g7aQe9ep5dNGlUsl5WZVtWBTYVQ4Fr9PXusRXoC1//PCIGFngmmU97nf"
    "wby5ZlVcZFFk7yNNfuYMXPkFURL8/lUrHnJ+/hCfsSmrByT1qhbf6UNwpZm1cvpiMcvLvg"
    "ZZxT3ub4JhV5OsgFyiOSD1xKrUTqU5ldOJGxKl6uPpV5HIPC4ghTDQXJdATGgziXiOfUid"
    "ZEougfQGoiG34aBLk2Sdag7mvSupTjGF5IXcpRb+oXKuWwXAYz7rxpFBIv86ZoQ+5L3Z7y"
    "RR51r7sdadIdDi5ROO3jabY7eiONx78MR1fKSIapLtdqThFqbpd81/4PNdb/EeV7O01XNn"
    "34RvRf3uN0OxWy1f8H5c3wWx+X/DavsT4uWc3jkhK4PuqikRKx+j3Nrf/1cTOmNAX+mTvf"
    "qas5ZbvbZ6+8To+32906Pf90/sPZxfl6y3vdsm3fO0j1ZweB4A3bfuYnr2MZEilzCFCmMj"
    "2+qAog7A+vILoHqTqFT3RS/yFW9vu5QyLHfzf369j8vb2F+1UPqj3/C15f4c0="
)
