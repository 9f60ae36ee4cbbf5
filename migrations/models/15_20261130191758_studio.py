from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "study_materials" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "source_type" VARCHAR(8) NOT NULL,
    "source_url" VARCHAR(2000),
    "text" TEXT NOT NULL,
    "language" VARCHAR(8),
    "subject_area" VARCHAR(100) NOT NULL,
    "tags" TEXT[] NOT NULL,
    "difficulty" SMALLINT,
    "word_count" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "failure_reason" TEXT,
    "processed_at" TIMESTAMPTZ,
    "deleted_at" TIMESTAMPTZ,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_study_mater_user_id_002096" ON "study_materials" ("user_id", "created_at");
COMMENT ON COLUMN "study_materials"."source_type" IS 'TEXT: text\nURL: url\nUPLOAD: upload';
COMMENT ON COLUMN "study_materials"."status" IS 'PROCESSING: processing\nREADY: ready\nFAILED: failed';
        CREATE TABLE IF NOT EXISTS "content_chunks" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "position" INT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "content" TEXT NOT NULL,
    "word_count" INT NOT NULL,
    "language" VARCHAR(8),
    "summary" TEXT NOT NULL,
    "relevance" DOUBLE PRECISION NOT NULL,
    "material_id" UUID NOT NULL REFERENCES "study_materials" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_content_chu_materia_985298" UNIQUE ("material_id", "position")
);
COMMENT ON COLUMN "content_chunks"."kind" IS 'HEADING: heading\nPARAGRAPH: paragraph\nLIST: list';
        CREATE TABLE IF NOT EXISTS "generated_assets" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "type" VARCHAR(16) NOT NULL,
    "content" JSONB NOT NULL,
    "source" VARCHAR(16) NOT NULL,
    "source_key" VARCHAR(128) NOT NULL,
    "generator" VARCHAR(64) NOT NULL,
    "parameters" JSONB NOT NULL,
    "quality" DOUBLE PRECISION NOT NULL,
    "difficulty" SMALLINT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "chunk_id" UUID REFERENCES "content_chunks" ("id") ON DELETE SET NULL,
    "material_id" UUID REFERENCES "study_materials" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_generated_a_user_id_2d34a9" UNIQUE ("user_id", "source_key")
);
CREATE INDEX IF NOT EXISTS "idx_generated_a_materia_0d22c0" ON "generated_assets" ("material_id", "type");
COMMENT ON COLUMN "generated_assets"."type" IS 'FLASHCARD: flashcard\nCLOZE: cloze\nQUIZ_QUESTION: quiz_question\nSUMMARY: summary';
COMMENT ON COLUMN "generated_assets"."source" IS 'MATERIAL: material\nEXERCISE: exercise\nCORRECTION: correction';
COMMENT ON COLUMN "generated_assets"."status" IS 'ACTIVE: active\nARCHIVED: archived';
        CREATE TABLE IF NOT EXISTS "asset_feedback" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "rating" SMALLINT NOT NULL,
    "comment" TEXT NOT NULL,
    "asset_id" UUID NOT NULL REFERENCES "generated_assets" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_asset_feedb_user_id_dbee83" UNIQUE ("user_id", "asset_id")
);
        CREATE TABLE IF NOT EXISTS "review_cards" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "state" JSONB,
    "phase" VARCHAR(16) NOT NULL,
    "due_at" TIMESTAMPTZ NOT NULL,
    "stability" DOUBLE PRECISION,
    "reps" INT NOT NULL,
    "lapses" INT NOT NULL,
    "last_reviewed_at" TIMESTAMPTZ,
    "asset_id" UUID NOT NULL REFERENCES "generated_assets" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_review_card_user_id_14417b" UNIQUE ("user_id", "asset_id")
);
        CREATE TABLE IF NOT EXISTS "study_sessions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "mode" VARCHAR(8) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "item_ids" JSONB NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "ended_at" TIMESTAMPTZ,
    "total_interactions" INT NOT NULL,
    "correct_count" INT NOT NULL,
    "completion_percentage" SMALLINT NOT NULL,
    "hearts_restored" BOOL NOT NULL,
    "material_id" UUID REFERENCES "study_materials" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_study_sessi_user_id_a02579" ON "study_sessions" ("user_id", "started_at");
COMMENT ON COLUMN "study_sessions"."mode" IS 'STUDY: study\nREVIEW: review\nQUIZ: quiz';
COMMENT ON COLUMN "study_sessions"."status" IS 'ACTIVE: active\nCOMPLETED: completed';
        CREATE TABLE IF NOT EXISTS "study_interactions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "answer" TEXT,
    "correct" BOOL,
    "response_time_ms" INT,
    "confidence" DOUBLE PRECISION,
    "asset_id" UUID NOT NULL REFERENCES "generated_assets" ("id") ON DELETE CASCADE,
    "session_id" UUID NOT NULL REFERENCES "study_sessions" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_study_inter_session_83dc03" ON "study_interactions" ("session_id", "created_at");
COMMENT ON COLUMN "study_interactions"."kind" IS 'ANSWER: answer\nVIEW: view\nSKIP: skip';
        -- What aerich does not model: a rating's range, the scores' ranges, the tags' GIN
        -- index (`me.studyMaterials(filter: {tag})`), and the due cards of a learner.
        ALTER TABLE "asset_feedback" ADD CONSTRAINT "asset_feedback_rating_range"
            CHECK ("rating" BETWEEN 1 AND 5);
        ALTER TABLE "generated_assets" ADD CONSTRAINT "generated_assets_quality_range"
            CHECK ("quality" BETWEEN 0 AND 1);
        ALTER TABLE "generated_assets" ADD CONSTRAINT "generated_assets_difficulty_range"
            CHECK ("difficulty" BETWEEN 1 AND 10);
        ALTER TABLE "study_materials" ADD CONSTRAINT "study_materials_difficulty_range"
            CHECK ("difficulty" IS NULL OR "difficulty" BETWEEN 1 AND 10);
        ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_completion_range"
            CHECK ("completion_percentage" BETWEEN 0 AND 100);
        CREATE INDEX IF NOT EXISTS "study_materials_tags" ON "study_materials" USING GIN ("tags");
        CREATE INDEX IF NOT EXISTS "review_cards_due" ON "review_cards" ("user_id", "due_at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "generated_assets";
        DROP TABLE IF EXISTS "study_sessions";
        DROP TABLE IF EXISTS "study_materials";
        DROP TABLE IF EXISTS "asset_feedback";
        DROP TABLE IF EXISTS "study_interactions";
        DROP TABLE IF EXISTS "review_cards";
        DROP TABLE IF EXISTS "content_chunks";"""


MODELS_STATE = (
    "eJztfWt32kjW7l/R4nyY9Fp03tjO7TDnnLVkrCRMY+MGnHRPM0sji8JoIiRaFzvOzPz3U6"
    "UbupSESkggVfaH7tigXeCnqnbVfvbt372NuUS6/VJ0nfXc/IqM3kD4d89QNgj/kH2zL/SU"
    "7Xb3FnnBUe5172kFPyY75DnvdeXedixFdfBbK0W3EX5piWzV0raOZpLP6YmGYG6VP10k3C"
    "PFQpbgCf9VMA39WXDWSJh9En8+f/NWMFfer97bgmYLtmNaaPmSfMrSVPHHaMZDXQO6hoYH"
    "wH/HA8KPWHjYP/6BX9aMJfqG7PDX7Vd5pSF9mYBLW5IBvNdl53nrvXZ3N7r64D1Jvuy9rJ"
    "q6uzF2T2+fnbVpRI+7rrZ8SWTIew/IQJbioGUMQsPV9QDw8CX/G+MXHMtF0Vdd7l5YopXi"
    "6mQiev9n5RoqwV/wPon87/X/C75a7DFZvpnM5Zk0l+VeZt7IV0ghH7ykmgaZc81wCFD//q"
    "8/7g4Q79Ue+YDhJ3H64uLtTx4Epu08WN6bHly9/3qCiqP4oh7oO5RVCxFMZMXJon2F33G0"
    "DaIjnpRMIb8MRF+GP1SZgfCF3RTsln4IbghfA4D38B+4nODFHsx9wQTMR9fSbC5e35KP29"
    "j2n7qHnziXyDvn3qvPqVdf+PNl4l3t7/hoEOHLaP5JIL8Kf5/cSOlZjZ6b/71HvhPWFKZs"
    "mE+ysowt0/DVEDX85G7Wva0qrxV7nZ314Vqx6DOelErNOEaumV3W5AxvlG+yjowHZ41/ff"
    "u6YIY/i1Nvl719nZq1m+Cdc++t/yZgRt+2Gp60CpsrKcnh5urIZgoxKdxNumI7smtX0qJp"
    "2RqmOthBMNP1z7SFHrEOrDLPSUmY5TbPMt6Olqxg/CmznH86JqUqnY4tm9Pk8Xj+5k2J8x"
    "E/lXtAeu/9Nws1200/JlLndb+9+2fP7Z4YUKuv1Ms9gSoL7QdsnWkPxi/o2QN4hL+HYqiI"
    "Amhgsd4Fw3QT0t2rux1mKU+RxRlfUPhvx38xcvytLs6G4pXU8xC+V9SvT4q1lBNQk3fMcz"
    "P1SvRs9q3N+Sb9imJgpbEM/grynQPUx9joNvDfd2uZK80DOEMlpB/pFxEKevCwvPWfLkcr"
    "5KMNpn0LNn8fTHsw7ZMn6nZZcdaTkjDrbZl1yp01+PYxQkexsBqWdcV4cPFxwsTqZEX5u7"
    "yevS1xdz1LT+Du6kreSt5cvVNU1ZChPuOPeUQ6HXPJcDeZa1YCf+pA9ZBrZaagJ54xHmtY"
    "YiCIZwtDPMf/ni+MS/z7Jf79Ev9+iX8f4t+H+Pch/n14nvYrlLI1ylga+XZGeq6iq8+Dqf"
    "i3ouRE/W02ucmhZzKSab2oqY7wH0HXbKexGdrdRe5dTXc0w35JPu8U1xGCVEIlhqi/uBZ/"
    "S0/IcDy5TOs6MsBlZiuhFbLwBkBMc5MSa8fEkI/lZmKeEPqqP3trX16brkWZng+6qTj0+a"
    "FKp2ZpRcSbmp+Ll6+OPxFXk7vLsSTcTqXhaDYKJiW6KnhvkpfwC5pvZk4lcUzdEBa+i2Ez"
    "zcZwbTTDdWi7Y7ZRdH1k5MxA0TipidCMxqbhrKlZwN8W//Pzxfm7t+/7RFeTOce/vCuYnt"
    "m1OB6Pbuat5aFO6hCrkYViIU32MVYTA81N/L+G+ao2QF8zW3UQAzUhoSqiqpqu920y9FPi"
    "/X4R92R60SyK/2gDxNMf5Bb9qC39eQ9/lkOs/gHEFBBTQFEAMQWzfmxiKq6XyzJSCV1+NC"
    "LkaFzURRl24yKf3rjI8BuZA68C2HL+fZYH0BvxXuMLDbar5GrRdFRh/phXrqPqWoZ8d8+N"
    "nCCcVljk7Z1UiAxpk619tMiQievcm9+u8emhPFDjQpIP9Astc+9ReeM/WzLV5FrRdMFCqm"
    "kt0VK497NBlsR3ZW43yHCEDX4AWYKG8cU3W5Igco/whAg2fjObaHL4cBCL0gJ10weT/wcy"
    "/sqlmbBciP2nObQ9Ls5flbL4XhWYfK/St2Dbvf8XUpkilGMiHKLciIV3by6fsxDP0bccj1"
    "v4PBf4Fmki6bd5Qgll3M2RIhpPbj6Gj6d90Af6jeq7UnkXWcpNKrzg5l+gyB0RQmnh+gLX"
    "F+6uL+Cx4G3Wy3gsELE2Wa5VkQB3GdGNXFzJgen9zABxXKYWirxFIL8ug/HrfIhfZxBeav"
    "ZWV55lVpTTclxcYlNx4K/KoI2fyo8Ef5XBe6vY9pOJr6CsLqCMIH/un0asMsvUcxb2/nD7"
    "UPaIEfa24y6DtGCWMPvZ/O5KupkPhEB+YcwlcfhJmuIpR4qKDYWFIV5dj24GgrLcaEaaVz"
    "1NXoTyiC/RluxaTGdoUoq/bYC1RknFU6h5MqqHXB+/mwZbwk9M5oi74G4+bMroa9rjbCiO"
    "9ogqZVdRRDlc3bVrkSW+Uj/L37Ze9kAW7+Kw94zw8WLdzzsQ626799FXkB0tLzZr/1FKHe"
    "iIGmVlIcR6qH6YShIeDEsujNupdD26ux4IWwttNHezMPBxK01vp6MZfgafuMjaWpqN2nGw"
    "Bl9Sdg2HZp8WExIZYQh+aQ8FkWWePEpBfkSWhv+cKgQUdQCY8zbPuVcJTDcfNKNqGbG4MM"
    "x1m+das2VFJRfD7DxfmthAVYwc/01cLjXF91iwqaM2ZMeOO62Xk8k4MaOXo7QX8e76UsLn"
    "qDeVu5TK7J3Hj92qokmTkrCt2ratGBzIMZIiWVw5tQMD4Q+/TJGueHhmZ55WzLljzGheFG"
    "Ri42Qz96qDlc4X5BEv/8qlKr5NVMMK+xwbkOuVRhYaqRuOH3Mtm5bszgLb0Buks+p4D1Tk"
    "DqA5zzJ6RAfvSjEYTHpE/G5LnxIKcNMOXVxXZLQQN14hQ4Zl6vrm8AUmRQNxC9U3ZKmajf"
    "Al0UGb7cGABcOJ/mi8orZGiuXUosI+kZG41l9B/ZatZZL78oFwjb3BbmNj8QiZoq41vLhq"
    "UGAkCFTcjcYrYPhdfHu1/asrvoDZ+N+Db2G7IWf+iLyiF7jk5cJiZizYzf0Bb6PxeEVOdW"
    "3H3MgBgHWhFlVE5vD+ryLL8Y3Cg82k3Ui8Lq8HS1liq/JPV/suK4b9dPAS+xWPJHoDcbq8"
    "fKhqucp6WPF9jY0i/PHx9mDUcN0Qo4E4XV+qjrGSN2hzj/fiWtseqsPIcNfRaLyuM0dxH9"
    "aO7IFnmeamDtTIOLziFeh9273faHXcZWfRQJxuy9Mg1cm1hd8xbMVLajv0vrobiVewsJ5B"
    "jrxCaEnccgefjcj5EBuKR8Civ0n2oDtwhX0MR/Ow4xUzCz1q6ElWMSgH4jX1Rhrip3nFiu"
    "QTPMsb/FdZmkKrh8+k7Mlg18FYfCNWDyfmAcYhGcaUnk/pzbDdUTZ0cMMq0GUI7kxfLB7v"
    "aw62PAvO0/J4EYJ7Fo3GIVRh+HM8Yr0O4G79cWepYTlBkLGGRjZShVJQgxrOkl9dIyecZn"
    "+JMokEQAtxcUExlkKYcSlYCF+GBgJJvETLvuBVhsQg9QUb/19HgmujbKGyugaFeh91L16o"
    "93EsbdHRyg9l6n1sXQuPWDmzOCbe5sz5nnQtjsbyZ2k6+jAaivPR5GYgxPNFfM22MG7F2e"
    "zLZHolTyU81CBSc7Kn5tLKMWe1NFz5ulrp5RpqLldQjE1uyh+n5HLb9GFH9F+Iyb6ay5Wq"
    "HdmQH9GV+YWa2ofdGjPpJlBTm4ua2olINRUZiqWZPYr9Sn2uX2TCJsPqAhGoGAkWJFiQ3F"
    "mQUDGSt1mn3Ksy7DJrnT2O6+udlypzdV5Q5eo8W+Qq/s0yMOfX4k6JHbEwzQmOqtoKcqcy"
    "AhwMLwvoMREulvexIV9qq5Wm4j+BUnZ+T9WrhOQR2zs3pVjqq3ilopWFddQjYqpJmJQ6ov"
    "q4PGtKgaSUdRlVna+oaVU5Za+ALGnUY7l54XH5yiN/BFDezJrkK3qWt2tLoabS/202uaHP"
    "QUosfRPVVEf4j6BrdmP6JGb93bua7uCl8JJ83ikMQAJT8cSk5yB1uyQDpCcGPSq669MB+O"
    "t6gVMsE5Qj3o6JIh/Lz0R92yKVGGVL1/IB32iGS825Kj6aCwc64kndgeKUUBnryJWxgsxy"
    "NlYwIXQAOdgdX091t4CPVQ2OgXE0UCdR3esZSCyqhG8AfwPh5m48LnIOxOIiT5i63hHo0/"
    "kZkLhYT1gzs9PJK1JFdTOF5auKHEtRnSzwJIEnCTxJXfEpgCfpR5z1Mp4kW3cfWCjK8Hnu"
    "QhjPSnUeOyvoPHaW7TzmaE5e36CcONFQgAtXBnjq+CV7SQGfB9OiOI3Kxa7H5Y8Iv1eWk3"
    "EOepd3s9GNNJsNhHvX1gxsmy0MkcSOXY+GA0FRlSXaaOrCuBJH498HgvcZC2M+FT9LY6LT"
    "lEekLwzpN/Favp1KtwMBfVM2pG6XVzrk9I0+PL9T0M+LyVcVyBxx/sRueqp8tJRv7Aj7Ms"
    "dE+LyTCGu2vHXvdY0kwrEzuQnRI5K50SudZXMj5CoYDmlZiOVvj6WQNRBX2LZ3LebdFReD"
    "ncWwsxzlgcmPHj7fDr8sVw70raWpSFY2YR+JlJJDqrZR9BwdlxJNz44v+zIYo6kZasoPWz"
    "ARV9JwdC2OX5y96p+n1nq8xzQNaNW1SP3ZHNuiCOe45DE7jc6ujnNpuiiTzpqfzZq5NG2U"
    "B8TaOTchxF9r0TelaIo3BTTFGxpNAd2g+L8h+Q1lGCMbEkIQ2ZDcNyvL3EStjBmBpclCRm"
    "mmnEFVeLOSAG5xXE5iQWahZg/PiQ3VTXz3RujQ9nAiUGeKlfZ0NJz38lY14FwG5+xmLoGy"
    "f3LVAHDJBPR2nnB7sU0c8AdFmdVR/neGuC79Cz3ESkMFPT0YO1R8PxQn0puCV4BOVaC8I4"
    "dCo1GdYfu+HiWuM3qvXxTZGfYThNhOiO2E2M5ORflBbOePOOtlYju9acrMd7nwrFC2zXGI"
    "vflUvJmNg4Ki3gVEDyqJXt+N56PbsSQPP01GQ2kgbPCA2lZHsro2NRUtjPFoNpduRjcfB5"
    "5rFJHq7QtjdiuJv3gv2lukfPVe+zIdzb2XnizN8V75MBqP5cuxePML/kM0XZfvsfHsVTJn"
    "j4ksFRJZEBGZ9aCZQeuzsrGQO4k2T3Z7AyFNy8I2ddDpjwX4rCTEoTLDr6gq2nonVF6nxf"
    "yICZosRE8UT1G1rHasHyOrr+z2SInx4Gk+9uZYa7R4lXzIw+cBa6ijdMCVur7iDMjGZoVn"
    "gNgIfwqt09aeQhi0AY4H8QUUwIACGGnAN2ipKYze9rgMBIkUutk9qGrwSl6Tccq2MGwnsH"
    "t9k/FldYBr0tzWwPuHTPWkbFerllqexX6SoOaIrhlfD8TLr84S5/d5xMs7YjTnWUaPNdQL"
    "CQaTHvkqGZIAzHHQZnuw+ztYVqI/Gk+r6xieuEn4dXP9cTstt98rJ8f0a73OuT+izwjOWc"
    "0b5R/gtAOnXSd2eUfdN2WcdvRC2AW1I3iqgn2EnAxsvwYMPLvhGxOEnEaWbOHwhMkgnsvg"
    "xEWOR9w0ubR96ub87PW71+8v3r6O+JvolSISh8KRhbcEtsM4JQbB+8DSHJOlid87DyRqOD"
    "SB+ymeJrVZ6X3MMqsXSLDmSbAmrcko8YRiR8aTUvItyDCpA+I6wUQEE5E7E1HFO57FRAyf"
    "5696Y+010aDFWoPdvUlUzyOS2TFOiAHUJaBe6coDa4WPuAwPoUDHIZMgiKJpJiljTpbxTQ"
    "dF62WSSn6YT2xXIr9jOqZcOmiAk2MCSgUo6YptW6a5OTRlNhyHJ6AatYX9XjQ0SzjqUlNg"
    "B3vPNOJAxS864DwFy7iDG5ljyxgyHnmb9RCjwoxH6LcA/RaSJ9gJDqtG0kvAc16/59y8/x"
    "fyjG+mrMGkFOQLFi/1CvmCj6aq3Lu6Qmsukj8tSal2TAtXzYkfLGWzUSx5ZaouZcPkH7IZ"
    "Qf44xYtSZ+1FwVl7kT1rv21lCxHLmUHnJ2T4afRcX7BUlA9YtbM2bYDjAf2mWZzryCeERF"
    "hI0uymfyFBIBiawxj9FxOBaMri6L+QND0wOu0uGKabkO4NTIstKHrEXxn/l60iQ7E0s87u"
    "5MGQ3bu1lfLxRMGWkKRZErGthSz0p6vZWJ3Wh9ptbFRekVuiLcJfz3AANsgKPoZOg/RgJr"
    "1mkjtNTdtyNxaPWCm2je9uNVReF6OBONqLzYdGFBWBzt5C9oVKyGwVoXtjcnoJkZDgmEIQ"
    "c9EXNEMwrSWyhBeKET0ibJRn4R4JFnJttBTunwUb63JL0UO5n172UpA39iHUuA49CivZRX"
    "b0hfjrUQoTRHxAxEc3NHlHff9lIj7AQQqpxS0mwyg1oNhATQgBpMX84u6QPpBh3AWXdhPW"
    "vRxjYlntzyuGtG0WcEulbZ8otzjLFeUaDmlGaa/xEOcDGwm6jl3O498NLuJwEe+GBuH4Ig"
    "63m9ovjAn/ChuwFFGAFy6PJ7k8blP3CIC3GF7K3m3TFTJWG4hydUxWDsq/MvrVdxTyIFSp"
    "gQshXAi5uxB+xZBm57tcH7pQts35WT3x7mo0GQiKu9TMhTG6Fj9KA0HbYK25MD6PriT83q"
    "O2RGbaoVUmsvx9ibjy97lR5e/TMeWMlUAOKQLSuh2WrBj0qlTIPnksv2rQq2zQ/sq0NjT1"
    "VlBtJZLgLy+i/rpMf7qKrtFCy/MBjokAwvsRXrqWF6GR33Lpg24qeSH8FOEU6Csi3T3YC2"
    "C+mtxdjiXhdioNR7NRkHoVncDem+SlXbj5VBLHKdRt7TuS75+pGSmX2kOuDzMpV8mL2TKg"
    "Ayfm/z4/v7h4d/7q4u37N6/fvXvz/lXkzcy+VeTWvBx9JJ7NxPqnNGXC10YfNwbNkhDiUL"
    "eUPSKLTsifqhZuSkQgHR6q2L3JKBV2d5rWS11Bqkn6Y4bUvCYv4Vv9IuLD9h9qxD+mRkW4"
    "oCwRUCFdM9T4pUKgLBFvsx5iBGWJSl4qoSwRGfsEhxWUJWpqfdccdauilYX3yyNiomqTUk"
    "dcyuJZU4s5pTjKqI18pZFWGf4VmTGaIiEEcRTFcRQ7I+RARz93JYX7KUd/YllVT/Un9QIO"
    "ZAI4q6iQch1o378fSif9igcBgqQUQeKtJQo7Eq6xfGokWsh18yL2jpgBYgSIkY5puY6ayE"
    "CM/IizDsQIECNAjAAxUicxYuqmxcSJhAJHXMD/68374fDV+XE4kfqjfzT8eaz9wuIy/EVB"
    "NNIvLDBEGOmnpBTwT8X8U8zYO5CAivnzuwnsXgYqubKqU1CxRkvVORbuEnsapVlEda2hR+"
    "QVzKKwLfG3+0Wki7J7EBJxgGQBkqVT5jaQLD/irJchWaBJeIN9rKFJOLBXHLJXwAIchQUg"
    "KVIe5VeQebI/RzY7Spv1S28szWaTG3k4ubuZD4JCrPivcQ1nYczmU0n8Rb4Sf58NBPy1kf"
    "JVXirP9sL47VaeT+bieCB822LDwlH0hXErTT9Iw7nsj4gltshaYUNWDqzQhTGc3HyWpjNx"
    "PsLv44+8vh1Lc+lqIKixdgY2/vTNlpi7SyJxN51JyUe94IzomV6F1XNRJnjpIj966SITvu"
    "Ss8Q1hbeoszaESMsAwUxjmDrXc6krHLehcdITORdUS7BQLw3dowJiNrBTF1DEdciLSLt5z"
    "gkrbpZpSFBF3mWYYwN0BdwfcXVdYHCiiszMLMExT79odGAb4T7K8i3lkNkQX88h0iC7v4s"
    "3sizSVZ3eX16O594xi2E/Ikm33fqM5rbm8k72dncz83sbh89DVuJjpqNDV+OQl7lvGehxy"
    "ZrWkBiyXiLr4ns3aj3QnAqEie/qRYqiy0LL3Iw2G6Sak+/uR7hbU/mKvx6+i2859f0ARXf"
    "wNhJu78bgNLRg6Cm5RB4YdvPlsSZMcwJWi6c+hnd+jcADJB/pFHMCSPCoHTIBWtmvbxECC"
    "ZT4R3lwgmxtfl5eCbqqKLuD/kLFULGGpPAsvNENw1sh75i+2QKxD4buJhRXHe528QOnXVv"
    "/w1KSuUHkTwxWyuYCs6MipyzFZAYFGvM16mUAjT/9S5zuX1aDdTRKz3MEZLphRMksZjyOT"
    "qxF8jDQf44Op6PIGUbRNoYsxLnZED2P0SqdcjFnbzk7GRJRcw1RZWNJpiIkGlO0tMpz8Os"
    "z5gR5UYQA5DTKQakCqnZqh2EuqnYackAzL1PW8pKLYu/0iWgJFzzVSziVcYUGlKbD9wfbv"
    "hnLoqBUItv+POOtlbH98iDsu5YpaLkBlJ33EXI1ddClLmIo4nI8+SwPBlybx4rFA8SgQ5V"
    "a8m5GXtgo+ovDvV9PJ7S15YWmZ2221MJT6az14YfQyEwMRFwF7Im1PrJFi0SowzjaKrudi"
    "upM6HqJvmkX04vzd2whM8ksRjrNrcTzOA1Oufp5QB+DwWOnuMZK9PeiK7QRx/xVmPCtdw3"
    "S30/PNxWxHJ2YVGyElCzPd7pmGatsQEdg2OIG8PGZEINSDLwtrTfXgvQtwLCusepbfJzJS"
    "lIrGCeq0iPWtZRIdUUsBs9vYWLxAxuRyiLc0sRxtpanUCJEQ2YmB5ib+3358h8nhOnmto2"
    "PL4qEJQltFx0GbLd1Nk3qkX+irCUNlFf9pSCQF/wz4ZzrF1JfxzwQHnbJTCUyBO3FBKCFC"
    "4YADfGTD3dzTTIhcfLOCx8P3rCvgeum8WVDza4HtJNqc/VwLJ9RIITASqGdZSGWNrUwKHj"
    "G68jTg1xhcGQve21QM+ttAvB8V2jUZWCYuWWYfXUKSG2Rr9NPppk3REWU8n5EowJosReYV"
    "aGIsRbaT4QbN2rb/yWs9dOhA60qxBz4hDWlIRlBTYgAruMzAZdYy3w6Ty+w0tR66Cm1RsY"
    "eW1CjpKrT5RUqowOa70SpCy6EvLQ1x6vBuUzJQzP1L8TIlncP5Dqa0Oxp8S+BbAt8ST76l"
    "gM+5Ryus5SuSQTthntxLNRJtysqh3bNLgRvJArZJbPGepN4Ey+Uv7aTb7GTqfZlObj7Kfp"
    "HcgfBkmcaDvPOPnb4s7i5bmJWhSwuCqQ7MBzAfLTNw2JiPRIWBQ7mPxGCcwptRgm2yIFNW"
    "PMWKzNr5+ZYkJVi3qdISAUUEpSXAvOyGuuDYvITSErzNeogRb6UlHhXNH4FtunvjyfAXr7"
    "WJqX71Gpp8Fkdj8XJMCk6EYy6M0Y18O518nEqz2UDQdudgXjWKG0m6mslT6fNI+oIXEEJL"
    "W7bQo4aeqth99dehuEe2I9tqBc4oKVmJ1GhZdkiNnEY8j4MtBhnCBwe0+KFgS2lhv1IGYG"
    "miADAUvTxNj1MILKwX0sIQ2B8u+rU2WFeahY/3Q4qE0EeAUiHtue5nrTyviM8hk04dAOa8"
    "zXOuupZFDm5/v+K/G1FO/vz+iDni0C4xMf91tEsMkQ7aclYh4KgjwPZs8/YExywkT3QHUv"
    "B1g6/71M7YlrfK7CqsjGHoEERw9CACSrZlPg/NUlOLUsuIkzlIertIp3rbxkMfiNcsGqiz"
    "d+cDy48xhqiQE0lU1xp6RHltT9KP9IuCVLwjQNk93WiYSuxzIFYFYlU6ohE7GrVQJlbFd5"
    "dUmPSEIIdz3pE5LsWLxLQuo8GZlQS7E8x4MONbZg4xmfFK8mZ4ILKpeyanAGf1YJui1snq"
    "njn4kvK1l2MNBO/uNwRs78FyNkBvvkYCkfqLLViuYWCgBa/xki0oqmXatuAXCLcHgj+soB"
    "hLQdH1n8mdQPjtVnhhGkiwzCdhiyxvpL/2UtPWxGcsDM2xvZdI/KKAX9IUHZvseMjwo3Zx"
    "UPZPL3t0qwbMFzBfOqHkODZfINSet1kvE2of+OazU54f17qTgPi1dPyabhoPiCkkMCYBcG"
    "bgjHV3wxcMRZeX1H4SRD8VRIZRRyjSU53lz2mwEjVTgCv03OOds4KmrzWrpfbwVPsNkm6w"
    "VCzG/j5GK2wq1DCf1QboD2ez6mNOhqbxiCzb81FfI9tWvE2XoVBoj/WLuBQ1JiBvfIlGHK"
    "s2inznNsJvk1UDjlVgJmo84MBGrcJMRLux/P0lLsJT4bParjA2wn8H5fAsmWIfSbe6+tnd"
    "jFQ9I2fgwhBHA0HRFsbs99lcuh4I9rPtoE2aI88BP5EN/75EMvz73Fz49+lUePxZDpWBye"
    "9wFBNpM/61GFtNtDiy3QfCudAj7vJzjlJi7cg1Ip/HTa7RBjkKOfxZZiUu044p4Sr9K7gV"
    "M5q7SSmIzCiOzIhZHgeGEMStqxkqGwvcUpD3WrfJVVY9bj1oW3d4BPYwGogj1BsNwaYt2D"
    "2sQWxdl2QNgnXSfAn6P+KESyzd9R/AGwBv0M5dzzFvABENvM16mYiGLhYP9HypjCq1Jw7n"
    "o8+kTKAnvTBuxbsZKQO4VUjT0rzKgOKleHOFkcevKveKsTSDEk+nrwlYvcBE7YUl2rZdu7"
    "s9s1r5kDo/UOKnSzO9dK3w/s1a2Y8mCnEIaRI/8IYyl6bMyAG02cKfxkp7YOEhdxLAQtbP"
    "QqrIUCzNZKUhk2IHGM7dOSYY8u0cpKhr5lCmpBRwu60NDussnJDEeMwkxlBJ1u1+iA3bSe"
    "W63/2QPF0SSOPvINzcjcc9msKtAem5P9KtZa40vcMm7V6Qk6dNAuMptlCmo+G8nJMnHjp4"
    "iIeHGr7ICfiJxfpoqsq9qyvW82GQfY7GueOqFzkUcWrGgxirqPKo6G6EFx3TMNq7RDmxxG"
    "gcIcvkbo0c1FQva9x9XeRcTfjLG3aphmxFcEE2bc0bFnyq4FNt6YnRUe9aGZ9qtP0yc17c"
    "tikuxw3bWEfLJtPSHjRD0bOA5sf/xmUgALhCAHBwgCHKQVEUdR0TAtgrwI6+bXV8M6Hrj3"
    "zgU2IAfQXoPbQymJeLiQhl2wx87+NUvL4WpwPhwVI2G8VaGJ8nQ/HybixOfx8IO1t2Ycxu"
    "JaKIPw4Ee4t0Hc8Sfm3+O+m4aDvPpNvi7XRyc3czHInz0eRmIGwt08DXNS1agS2IlUCPyN"
    "IcimVeNoFnJ9/qaR1PvpDemE8L41q6Gt1dD4QNWmruZmF8Gn38NBDW2sN6YQyno/loKI4H"
    "ApZ1NNU/Gk+c2GO5es6Wo6u58PkjBh41ZXEkcX39qgSwr1/lIkveooQKZbHNTwcMn4dcQI"
    "qvGxksjQGDpwHJgoAMNgYiRXCAB7DQA7jZse41eqv44/L7KUdKcpW1qeZmjJilkJJJ2jaf"
    "lNyRxQwlN71G0oK5EpRdjKwQpIsMBBMvD0XXhf8rOORZd0OeJD+q+GuQB937n70R7Jfp+0"
    "b9o0PZzBbopT4QokCIQpIJ17NeJskk0N2yp59ZufCMME936To48YDCqYZuRhjQTaK748Kq"
    "AUyTB4xTfcx1Un6oIsAZYUA3iW6CkK2Gcc4QgHTaUbbZWmiNDLsy0jlDANIppNHKknX0iC"
    "ie4HzOOCnVZia/Ind8XoI6Ps9ljs+zxLHljcxW9yku1I7kHq6qPmlYQZixjoll5yUtB1NT"
    "+9QEpJpZuVJgYoBjptRrjFPQCwsEziVx+InUDYwF65/Yk9i2GlxtKH1ch1OBhe4uUa2Lsf"
    "B0TbW62jAZ9VfqOsihECXHoBWyvDKwFL9C9qF+kXshzEPZRs+XdDOIYSMsGzn4gHiwhZVp"
    "CaSTVjDkXwXFETZ4uXovanZQ0CNqspX1LdQzZGF34VD5QQFs8DHUeC4D2ww+Bpj1cj4GzZ"
    "Z3haFSyU+mqSPFyNGtcbnUlN9jwaZmOXrluNr0cjIZJ2b0cpSOh727vpSmL868qcQPaf7F"
    "g8LBuLZjbrTvuyiCsqZoVrIdxihXRUCgXAWUq2gjnFCu4pjlKqCGQp01FE4c+peagiIzPZ"
    "qkMja693BZA90QxFFoORMT2TYN5aUw8xqEhL9jE9pCgr3G/1/+VfCPe2Jc28I9Ii08BccM"
    "Wl5TzPUGPgCiAVug+Ptgqf9ANhtY6j/irJex1L1/M/Od77UPn+fQX3/2qkyyF34qP9nxVS"
    "bdK/7NMjDn5w2nxDjIqzt21nBwN9Gpmab5bEhKDKiQ2qmQR1Oj9UPMn5JIACajGV4KfyHZ"
    "Sx9nmZWsJExP7dOzMlVaP4j8WYkEYDJqnwzNlnedN9mcGju5Izo1Qtu0sz6NrnmROg94aL"
    "7fPzPS6hlBKFdeyK3v8Doew95OXPcSwJmlVb1XYryXXkqdVCyjy1+fylSySiJgrDpm1IA1"
    "XhBr0smQLEBM8TFkKhTnuxhiyW+uXdbD8Ml8EsyVgwwvvR+fuZbhB+ItBUV4Mq2loBn4p2"
    "BrZR0IFeSpwX2xyFUiBcF94DLoiN7oKHkMLoMfcdbLuAw8/ZuZ73yXQfg8uAzKuQxYW6Kd"
    "oBXaWVPo1lzUrG3ZR+24wtZry+bmFB3Wgoc7y6p/aF7R0SKbhshytJWmKg7V5Ii/XWhwqL"
    "sHm2+2AAYAGADtVAgdvQqWMQAMd3NPi2ctiB+JJOq5Dp40hTR5GbwoU/DhIr/iw0Wm5INm"
    "226lPZUQ5HBLdWQLUayp7B5C37YaHq7CLCcloaF4m2cZG2mWzVpdOSEEdgik/zQJJzIsU9"
    "dJRRpGUDOCUK8D8qqOmlfl68laGIhwIE5hTZwoh3MONO2RnQbG4jJSYqguKoy905BRmU2X"
    "lfnV1b73KFyO93q/iMT5Ez/x/Qj8zR+xXRyjBKBVJvA6LdW5HPM64NjlbdbLOHYdzWFr+x"
    "UJcOjaPS/l2j0vcO2eQzZYlcOqmWwwxba9ZJVKBbfTwsdztL/rQBtgoshlXdtojrzRDNeh"
    "BYvmYksXrgRwy9jL2hu0Ye2kOA7abGmlhotXcFr2eAv4ov3rV7PlrXuva/YaUUyKfZkmCV"
    "FINmFINgFGvG4K10aetckc7hSXgsyd4swdoBrD9XM41UhZuzUgO9uN1MkFWyJyLL5hE9Di"
    "ryDc3I3H5RKi8q8TLMk9hEMU/ZE4Ws6JxYm/qZ1TWJMVqV+DoXiFithKD0ZOQwwWsMRoIH"
    "52cqO5Yt4+NOwnj16nMv3Bu/19fL+seA8yNKMNErv+Ygu+KCn5Ruq3hxvH6yRrCIHC6eOf"
    "l8LafBI0R3hSbGGjWF/Rkt6Jtr6hqYllyk5zhSNCchn4IDqikjvKRoMP4kec9TI+CCU6os"
    "qS4zuJSrx4O28ORyPGVdOysDnByHvFpKpRXt1BvUbGa2uSz5MVctWjUY0fdFPJc0FkRFO4"
    "r4gsV8BfTe4ux5JwO5WGo9koqOcUqSrvzSTgU0kcp+tnIbQkl2sWfRKXAY3CrlEeLGVZ6d"
    "hOCEI0e3sO6ezdLDCaGInmpBSw97SNwxrRnhAC7j6JaGjQM2KaEoOFWuwSiTEoBzL3fDLJ"
    "/RR9n1SD+z0jf8YY4xoA5pCATiOc2sD7Ifa1aA0A812LL3HYMPudGue+A82RR37vFMs+9j"
    "vmFqs35v0P7wM8LjpYKKEyCPKi08zzrqspxMQDH91+Dd1RZhL46B9x1kvx0Un9nJn54rjL"
    "rPTxIi+bD22tI/gSX6gcWol7knQgYdgy965k6FokfcSYeM0gXdrIGrMZz63e6Ea+nU4+Tq"
    "XZbCDExlkYs7vL69F8Ll0NBNu932h44SwXxq10czW6+ShPpc8j6ctA2CJjSSLRLfSooaeF"
    "8XGKr7JYxKfOFob02+1oSl7wS0P4C5K1pt3bEnkPZ+ktGato9zad9YBnyaqmOZOSHGrO7m"
    "rK7AG5xIeArhmowjynRIH8bfM8R/qpyoZOycJMt3mmA6+jF4BVyV+5kwR3ZQl3ZYAankZb"
    "u6elYu5HPC5bEfNKZ+Srl01lqjWMeU5GYAHSeWmAsKapa1qxbea8qp0QhJeUDi/xuEtWT1"
    "ckAl4uKC92RKdhyIPX4NDqLqQlHFnR/tzvxILCYmUg3VtYrFTi1C4/4sC8qSh4lRO4s5Zi"
    "HT23ZtFAnT38j58LFDn6cxyi8UCAPR7RRP7b/oygSSw9p08aPJnWElkvhX8GccNBftE/vV"
    "ydfyqqirYeJeDvKvyyhbx2UV/RM/7L0KO/QxKZQfV/xMKw1+aTQdKLgpQjW3ANR9O953zB"
    "n/HjguXqSHhB/m//D7mn2jZJUvsf/NbL7fNPgqLr5pMtaE5+zlF4+OEjU4OEI3Dwdkjvd9"
    "TVBw7eH3HWyzh4Ix2cmfM9RaFicuDUTVWEIkBk8Czn0g1l21xSrnd9N56PbseSPPw0GQ2l"
    "gbDBYtpWR7K6NjUVLYz59E6SP4jjmeSvOdn73IUx+zSZzmXxZvZFmg4EfOOwwqvKwpBmM/"
    "H3gYAvFMpz+sJzGs/t1jKpkb352TM7iTZPYGuTZ3wWvwLxf2y+/6yrfL+5zSnk8bfZ5IaO"
    "cEwkfbZrqiP8R9A1uzGgY/fpe1fDWsawX5LPO8WVmkBUvOTTqzt1XpMBcjJQZfbM36wk5O"
    "uxq5y0bcyyM2iysEVq3yLo21ZXDIV+Tc3fHykxKBvLvDfApQY+oFM7LPb6gMBh0VoaPlbD"
    "jELCJyuc5VPwqZJq+/n3L6b1VbCRI6xMS1AEVccjWKa5IXHBWFB/9gpomStBx7Ym4c9tFR"
    "mKpZkeW04WnPBCEYafpOEvhFp31ijDv9f/EQtjoz1Y3hL86aUgCv5KXwqOYj3gz3GUr4iw"
    "6rYQg0N40pw1fnHgVQCLXvdeNl2HfIeFsVZswTCdNf7m+NusHMLwL808dj6TgBX9aUQAsr"
    "CApG+/rusoXQsk/Y8462VIeuhM0nRnEo18oKvmcGP5NmZaDoxMZiNz6VZKmXEhW6Z9mit7"
    "YGm2jO/D2iNFfe1rLbGTg74SDH0lwvs6a2uJlBywN2lgg2vz/TMrsmlBqFOVRNa3kRlRTQ"
    "gBoi0hbrlEM+RuWBvLJMUA1eLOMnGe6UBKfBgfq5uH1f7+MqnzukSb8OgcqgFivit9ZY7s"
    "nGpf2VOsBmjH0UB8gps4uUt0RgrUaB16wTQekWV7JPssNiyfOKfOnzKVFo/pkOwoqrX4I0"
    "+TGdSVo65Rn6R3N7hGpCCVvda2PYpjMv1Iv8g76Z3D8iZ6upGyiYnLke24S+I0zRZLDN/p"
    "g6cOPHVd0AAd9dmAp+5HnPUynroO1vPb0ewsKSDicD76LA0EX3phjG7CVzQjfG12NyMV/P"
    "yifjYp3keK9A0n17djySv1p5qbrRfl0iu3bhpO9/iXqRmVdmxCkMMN290NmtXLJASqwhTH"
    "xMDh2Ob5Bf9XUyy4b1ywkuAJKQAVSPDTkuAxE/k4DHhXoU1uXFaqq3EGx1vYedxNuOr3sD"
    "bksQbomgwt4yBFXUMbC6BluqIjOmqgAy3zI856GVrG+zcz3/nx0+HzED5dLnw6/s0yMOdH"
    "T6fEIHiaOXhaR49Ir0o3RsJtXuY98WwgiGcLQzzH/54vjEv8+yX+/RL/fol/H+Lfh/j3If"
    "59eF6FSTwvsyHyt0N6M6jKVlE1hxJlU1xSKS53vJJKF00VMqmxoBIEkR85iJwQ2hjHJdOh"
    "mRDioRTJMfwNHmBydVskbwwgqdtzHaU4IRTjwVUeEGvMe1IM2NR04T2faGFENSkFoBZT1D"
    "EyCwjUIgI1uaz2M9Ph5q4B2XFsKE7RTanCBLxTrJ+no+G8ZG2YZHmR6rGYyXomnOCeWKKp"
    "KMfqUFEiLHnBq0nPRyzal+L6SMYCl6mnI6fikPeX1hGFwC/0F1t4IjVwvPo38eIzA6/yjW"
    "U+CVtkhU97VW92z/QFC211RUVLwf+yido6DXzGwiDKWNj9uS+F+Rr5o2u2V+F+95l+foIQ"
    "NiftC2osbUAgBe/Jv/g7kVDwhRE0ue0LG8VRvSo7XsH86IvgEb/iRSq8UBxhg49a77vjD7"
    "URqduTqAEkRCWA/rowDK+CENbz3jv+V3VspK+EJ8UOywP9lF9lX0moo1JBw4n2hOCfAv9U"
    "S5VvRz0V4J/6EWed07Dh6Kxg1Ko9eqvvdCvvqTS/m96QVyzkuKSNKnktJovBT3yDk7N5Le"
    "sL3Lbd293dmlXSmi1jC6eCNyKUOqIvInqls84IaFGbD3MdLQFWCC2JfZqFON9zH5fhwdVz"
    "bL+9f8xVOCkSguDkafMpEeNZ2CzmjCD4JGjbh9XPkxCCajzUGlwh6VWtGFdKGjCmVOUK6M"
    "Iq1bmSooBu6proE7Os+UkJKcAUcr6O7VBP8vQHen659EH2U77fzP0I0r6OmvZVcG+oAWC/"
    "/NltbMBOat6yZdBSd6YSheaCI6sGqBP10BBnDeYzKztx0pfAOX7nqgFsr33QbjQ+QabcU0"
    "sg7Vtmx1POHQU3YcDmwHqalNxb5Zkcx9JjTqunxPv9ouCUrf+kjB7L93sSSazGo4axIREj"
    "6H5tml8Fb4C+YDt4DS2Fe7TC/wqaQyIv8NMqVgZo2Q/jLmz8dTHkimErftSAYqedSs18ys"
    "IgLZ3QaoVUxx54/Z20JR7fX5oGlhc2QecnrwVU8KgXF5If+hF+UfKA9w3JmklHfkB4B4R3"
    "tPOu2lFHf5nwjvjOLJtXE5dpc6ZexbyaizLpdxf5+XcXmQS8SOUxgByX4RDk8zdvyiQ5vn"
    "mTn+ZI3kulWxCAGDAOn+cQ37evS8D79nUuuuStJLj4IqSbCmUN57ejjom0ows1+VhuulBb"
    "SEXaY6UTOyXK4ZHdkSO6lN82urhXmOm0LHjo2zzTpuuoJltlkJgIh8dY/VGR+CpP7YqRH1"
    "q0k4B6IMxxRTF2gTULNiMJztDiRNgdYDUwl/PkaJ3Ed39KbGaNtYvFtNBGczcz9z6OQpbM"
    "pDzWL+Q0fQGSbRdJNF93EPg94Pdaeufgl9+D9C3eZr1M+tZWVyh3gHLJW6Fsm62J3u1Uuh"
    "7dXcvXk5v5p/HvAyE80jam4az154URPvG7JE7jDzwjxdKf086009gi3cuyqzBV6cYcQ/Fm"
    "KI29bhvkz9Lbki6nupZFKPctsjRzKWN0LfaTMmcMDrVnd7Vl9pBMTRsyKBdSpokPRoBpb/"
    "e0e/oHX3AKJ74whTJvCMinZMinDM+BKqZJUhTY7Q7sN3YGNiMIGZ7sTCxEehwh0iMELEGt"
    "MUZ+FI3Bw8I/QiCIazMnY8ZEjsstdsPNkE+AUx0QB5bj49L5QKnEl1yxWcwmBpqb+H8Npw"
    "K1YZHu9dXENmiJ5k8H+V3iy4/ib0mtznw/S3pD1N2FO3E8h6dGyqeVra8XLrV466e+8Aee"
    "F9eyvdUVMEtQcA88Nm29x3WTuwePzY8462U8NqQia1VHQCjbZgutN5zcTWeSfHtHbu0zif"
    "TaJseNvHUtda3YXnfuy9lwOrqdjyY3Xim+RDTD6R0EJ3OqHed+y4lPTdmYLi2v/gqp2kbR"
    "6ZpzJ5TWmr7Uy0C6PfupjqvJlTQcXYvjF2ev+ucpkjaE/nWms5rv6VApzaTyGY24TJuVVF"
    "UaqQyLlE8idd8r3NsiY0nwYtU40s3V6OYjViS+/MIYTq5vx5JXT1U1N1uvpPjC+CCOPIfx"
    "StF0v+7qh7ubK7/oKr7mL9viQgaK9ZgU677Q4hIM694Y4zYd0G0iWDfIUYjdmkU9PxssLg"
    "PpYMX+nQrpYJG+rMIXpGTBj9oeUzHLEPjHYIVpTgjCHLd5jsOLTaXkzoQozHOb5zlgQdgI"
    "9YQQZEVl2h4Ue94L6kTudbj/8Oi2x7PeWTgLUvjoXmAoCcnoCc4q2BpAHUYDdXLf70U1ca"
    "jktK/M07M1wJuTxMgn1pSDhjnxNFVe6MCIm3RBPD5wb7T5pWjbyPkQ9h2hxIkkH+jvaYGJ"
    "HDnexKTuWJHwaPE+CWrvQaRHRy4FHfX5Q6THjzjrZSI9SD9d31WWnPHZRtH1kZFXhCaSSs"
    "221snK+vj74n9+vjh/9/Z9n5Qe7xFX0bu37womenYtjseU7CFzQ+9VUJBPshOBkj7MiST+"
    "XYW5gxSC/huJ2wBwKsCptMciZeJUfBvicEw/hliK4YCcohtXfyWSF45WYGpoGg4+CIdr16"
    "BasIn3+0UGrOo/Kavk0UaSHTZ4WViaH4OHNYDmjQJ2LNix3VAVHbVoStWQD3djZs5zzZm4"
    "CE8GzfnZ63ev31+8fR1ZNdErRaZN1qrhPh/gkyT6sZ9rvC+82M9bcSp+nIq3nwbCVrGUB0"
    "vZrhfGeDSbD6LIsNPHeAYHHZu5GYm0eUpaa3A+mfieo9LD+nM1TFIIdAxFx+iK8eDiiyFd"
    "z9BhjcvwFyv7voS2eJ+rLN5nIvndzUaxKKkS+boiJgLUFLOmsLBh9RieiSnjVDeV3ALfMa"
    "kU6isi1hTur16+Oj7wV5O7y7Ek3E6l4Wg2CgKRo+uk9yZ5aZcLNJXEcTr8O7DFGFmrlBgw"
    "V8XMVdziPZBpmTnu8vk6Nl438d1LtKRWGCvXkqK4DoypYKa3WnY2niSqIgUahZTKwppPS0"
    "WAy7sJbSqywjZdS0XyV/RMKboR38veMoHiGkBVtVTZckxVQcgFb7NeJuTCm6bMfJcj00LZ"
    "NjM3vQ9jcfZpKE5JjrSu2GsVH8MLAxtIfyeFNnTzO1oYv96N/i7/eoex9OpreI2x8ZeyyR"
    "ik+Mb1tTj9ndTdiAzQFpNt+Vmm+WQbJJkenmTq33Gq7qWd9BG5jfjNi2VPXWPFNR2J44EQ"
    "jrAwpN+kKbaa8abCn2epGilbM5xMsSntbyrVtCwUFYY7/f6JXUmpU5bDQSWk2qz4KtJ8Z+"
    "dliD78VD7U5xmyL0DEZKr+kBDigPBrvgmthX/C25Fimhf1oY1LwbFQ+7Hwp6vomkNRMgWs"
    "a0wGONcSnOtSW600FX9jCszFscNJyeO5wt40pWTqCx7uYK0lv48O620m3YWH7Hn8AjYYFE"
    "tdk17Q7bixePFjrOnwMRnI126Zp4ZLVCFiGyK2T+3qYorYPqErsZ0KoB5PYubkqgHfdMw1"
    "n/DGz+wDUt/jGdPVHbWZRG1OVEZifeKXkVVLd47RbiRewbLQo4aeZMKjHwjW1BtpiJ/mCa"
    "smIwDiy4vi/k+tvnzfv00OKjm97Bttcf5Hz0a2HXyzeH8NcPaDs7+dW7yjbt8yzn7ucyjE"
    "m9kXaToQFMN+QtbC+DySvgwEct4sjNkvo9uBYH/VtlWInZoDof0vmJ2L/DjonQQPUebHjo"
    "MO/JCUm0thM9udVLX+td1BvcbutVhfbfHn4nsBPgDkDeW6mF/UgyJaiZ5vGfB1J6rg4Vfa"
    "ErHG9SfFKjqZWgZtw04mqO1RdzVa3x5gLUSbkAJQi/nimM1VB7c52w3XTXT3l59MLC+o91"
    "E7wG2t9xEjoyjMSpKqyidW0uQYlKoEKgWoFK6pFMib4G3Wy+RNkPgmismVH2gZCRwUY9kd"
    "k6uRYMotaYdK5y1zwltDgSNGoRnoqalzq+kQsyW+cLDrsZ0Uhzqsuzore1RhHXSvMUcjJ6"
    "SAKipBFVloy8Z1bqvzm9UivZvST7WX4dlig5wByp0AgJkF03Zk30CtdF2lyUMHtTbre6Cs"
    "Ibi5bXBCcPMxg5uBnuaEnk6GllMY6kzs+b7ovzCK+xihf+HOhrg/IKvbrys6SlsCWf0jzn"
    "oZstrRHJ2JNo0E2hzjWZE1PX/1qgRtip/K5U2991LEaeybZXDOD+VMiXFQ5eLY4ZxBQRYP"
    "MuoCL1t6JxriiJPg4IXBOBEeiniLY8mFcTcdDwTX0vFPt+OJeIV/2eqmUilfve76zj6o+M"
    "ux6J2kFA/hzRndU1L5FGqfjPoJF1JZvRM+z4V6P7bKgdrwjdeGv/8XUh1ZwTcyJu2RkuPg"
    "OE05fEtpj7MC5XFG0R3KA8XDIlqW8pyjPAKBFLzHrhJFPu8UNjdREn/8o00ViNqmG+qrQd"
    "Sp9iZd8QN2sLDT1jJVEpjtt/lluS7fTidDaTbz2intRlkYU0m8+n0gEJv/eWF8EEdjUvBp"
    "pWh6W8o9ke/iWkjGX9FmsyqzkjxcOY59zQtWSyWyLC0LbvL2sGNZUtR38lSZ56QkzHKbZx"
    "l89+C7P7V3ea/vvkxhp10f4STYLKV3GCtpdQXvbOwD9CnaD1SQ83ggVIwJol0BqvGgjhCy"
    "vJiOGKT7QjriE3mkiA6s0C2I6ICIjnafFx317UNEx48462UiOsgRUJXBC2Xb7PzrzeZ3hJ"
    "/zzjXC1vn1u/zsA79hk9+nqQpXV7e7qnt8aj2F8oeT69uxNCfEqWputh4V0g7uVHPQBttZ"
    "TJ1Q4jLt6INyKg9XM+2xdhdFxnMqKcnhOdXdcyl7HUEYwiqTHJcDHrXNM+yYDin9XlgyO9"
    "c3SxcGH222rJ9Xb5LZ952RA2iz0HpXFVLka4ssFRkONZarOGojdxBu8K4jfGON8Mlty1j5"
    "OKaFKCRQYc1VinS12quV4I1e6Wz1VehvBCnArYQT3IjHTAGG/kaN9Dcq46mFvjIndK6JeA"
    "7VdY/iVgve6Rc51JTdM0060phcZrm3UerZQrl6Bov9MFdZ85HDB1718z1kj8iiV0POzymI"
    "ibSZL6+aj/TmTZl0pDdv8rORyHupQunbLQvCweMcottIuobqR+6wMNsxkeMT26e5gdZGYW"
    "fuqscs//Hf/w+DiYAJ"
)
