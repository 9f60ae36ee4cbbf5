"""Classroom: classrooms, memberships, assignments and submissions.

Hand-written after aerich's tables (aerich does not model these): a join code unique among
active classrooms, exactly one target per assignment, at most one piece of work per
submission, the score and capacity ranges, and indexes for the foreign keys looked up from
the other side (the policy reading a submitted session, attempt or progress; the graders of
an assigned quiz; deletes cascading from lessons, scenarios and quizzes)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "classrooms" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "level" VARCHAR(2) NOT NULL,
    "capacity" SMALLINT NOT NULL,
    "is_active" BOOL NOT NULL,
    "join_code" VARCHAR(16),
    "join_code_created_at" TIMESTAMPTZ,
    "language_id" UUID NOT NULL REFERENCES "languages" ("id") ON DELETE RESTRICT,
    "teacher_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_classrooms_teacher_ece1d9" ON "classrooms" ("teacher_id", "created_at");
COMMENT ON COLUMN "classrooms"."level" IS 'A1: A1\nA2: A2\nB1: B1\nB2: B2\nC1: C1\nC2: C2';
        CREATE TABLE IF NOT EXISTS "assignments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "instructions" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ,
    "is_active" BOOL NOT NULL,
    "classroom_id" UUID NOT NULL REFERENCES "classrooms" ("id") ON DELETE CASCADE,
    "created_by_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL,
    "lesson_id" UUID REFERENCES "lessons" ("id") ON DELETE CASCADE,
    "quiz_id" UUID REFERENCES "quizzes" ("id") ON DELETE CASCADE,
    "scenario_id" UUID REFERENCES "conversation_scenarios" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_assignments_classro_9f7302" ON "assignments" ("classroom_id", "created_at");
COMMENT ON TABLE "assignments" IS 'Work set for a classroom: exactly one of lesson, scenario and quiz (a CHECK in the';
        CREATE TABLE IF NOT EXISTS "class_memberships" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "joined_at" TIMESTAMPTZ NOT NULL,
    "left_at" TIMESTAMPTZ,
    "classroom_id" UUID NOT NULL REFERENCES "classrooms" ("id") ON DELETE CASCADE,
    "student_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_class_membe_classro_1ba695" UNIQUE ("classroom_id", "student_id")
);
CREATE INDEX IF NOT EXISTS "idx_class_membe_student_7a9b23" ON "class_memberships" ("student_id", "created_at");
COMMENT ON COLUMN "class_memberships"."status" IS 'ACTIVE: active\nINACTIVE: inactive\nSUSPENDED: suspended\nCOMPLETED: completed';
        CREATE TABLE IF NOT EXISTS "assignment_submissions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "submitted_at" TIMESTAMPTZ NOT NULL,
    "is_late" BOOL NOT NULL,
    "score" DOUBLE PRECISION,
    "feedback" TEXT,
    "graded_at" TIMESTAMPTZ,
    "assignment_id" UUID NOT NULL REFERENCES "assignments" ("id") ON DELETE CASCADE,
    "grader_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL,
    "lesson_progress_id" UUID REFERENCES "lesson_progress" ("id") ON DELETE SET NULL,
    "quiz_attempt_id" UUID REFERENCES "quiz_attempts" ("id") ON DELETE SET NULL,
    "session_id" UUID REFERENCES "conversation_sessions" ("id") ON DELETE SET NULL,
    "student_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_assignment__assignm_60088f" UNIQUE ("assignment_id", "student_id")
);
CREATE INDEX IF NOT EXISTS "idx_assignment__student_d31105" ON "assignment_submissions" ("student_id", "submitted_at");
COMMENT ON COLUMN "assignment_submissions"."status" IS 'SUBMITTED: submitted\nGRADED: graded\nRETURNED: returned\nRESUBMITTED: resubmitted';
COMMENT ON TABLE "assignment_submissions" IS 'A student''s work for an assignment: one row per student and assignment, replaced on';
        -- A code finds one active classroom; an inactive one keeps its code, free for reuse.
        CREATE UNIQUE INDEX IF NOT EXISTS "classrooms_active_join_code"
            ON "classrooms" ("join_code") WHERE "is_active" AND "join_code" IS NOT NULL;
        ALTER TABLE "classrooms" ADD CONSTRAINT "classrooms_capacity_positive"
            CHECK ("capacity" > 0);
        ALTER TABLE "assignments" ADD CONSTRAINT "assignments_one_target"
            CHECK (num_nonnulls("lesson_id", "scenario_id", "quiz_id") = 1);
        CREATE INDEX IF NOT EXISTS "assignments_lesson_idx"
            ON "assignments" ("lesson_id") WHERE "lesson_id" IS NOT NULL;
        CREATE INDEX IF NOT EXISTS "assignments_scenario_idx"
            ON "assignments" ("scenario_id") WHERE "scenario_id" IS NOT NULL;
        CREATE INDEX IF NOT EXISTS "assignments_quiz_idx"
            ON "assignments" ("quiz_id") WHERE "quiz_id" IS NOT NULL;
        -- None once the work itself is deleted (SET NULL), never two.
        ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_one_work"
            CHECK (num_nonnulls("lesson_progress_id", "session_id", "quiz_attempt_id") <= 1);
        ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_score_range"
            CHECK ("score" BETWEEN 0 AND 100);
        CREATE INDEX IF NOT EXISTS "assignment_submissions_lesson_progress_idx"
            ON "assignment_submissions" ("lesson_progress_id")
            WHERE "lesson_progress_id" IS NOT NULL;
        CREATE INDEX IF NOT EXISTS "assignment_submissions_session_idx"
            ON "assignment_submissions" ("session_id") WHERE "session_id" IS NOT NULL;
        CREATE INDEX IF NOT EXISTS "assignment_submissions_quiz_attempt_idx"
            ON "assignment_submissions" ("quiz_attempt_id") WHERE "quiz_attempt_id" IS NOT NULL;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "assignment_submissions_quiz_attempt_idx";
        DROP INDEX IF EXISTS "assignment_submissions_session_idx";
        DROP INDEX IF EXISTS "assignment_submissions_lesson_progress_idx";
        ALTER TABLE "assignment_submissions"
            DROP CONSTRAINT IF EXISTS "assignment_submissions_score_range";
        ALTER TABLE "assignment_submissions"
            DROP CONSTRAINT IF EXISTS "assignment_submissions_one_work";
        DROP INDEX IF EXISTS "assignments_quiz_idx";
        DROP INDEX IF EXISTS "assignments_scenario_idx";
        DROP INDEX IF EXISTS "assignments_lesson_idx";
        ALTER TABLE "assignments" DROP CONSTRAINT IF EXISTS "assignments_one_target";
        ALTER TABLE "classrooms" DROP CONSTRAINT IF EXISTS "classrooms_capacity_positive";
        DROP INDEX IF EXISTS "classrooms_active_join_code";
        DROP TABLE IF EXISTS "assignment_submissions";
        DROP TABLE IF EXISTS "assignments";
        DROP TABLE IF EXISTS "class_memberships";
        DROP TABLE IF EXISTS "classrooms";"""


MODELS_STATE = (
    "eJztfWt32ki29l+pxfth0mvRObGdpPMy57xryVhJOI2NB3C6+zSzNGVRGE2EREvCjnvO/P"
    "e3Sjd0KQmVkLCk7A99AbQL/Oy67Wff/tXbmEui26+lnbOem1+J0Rugf/UMvCH0f9If9lEP"
    "b7f7j9gbDr7X3acxfUxx2HPu+/jediysOvSjFdZtQt9aElu1tK2jmex7epKBzC3+Y0fQPc"
    "EWsZAr/FdkGvozctYEzT5LP56/e4/MlfvS/RhpNrId0yLL1+xblqZKv0YzHqoacGdodAD6"
    "dzwQ+ohFh/397/RtzViSb8QOXm6/KiuN6MsYXNqSDeC+rzjPW/e9u7vR1Uf3SfZj7xXV1H"
    "cbY//09tlZm0b4+G6nLV8zGfbZAzGIhR2yjEBo7HTdBzx4y/vF9A3H2pHwpy73byzJCu90"
    "pojef652hsrwR+43sX+9/X/+T4s8pig3k7kyk+eK0kvpjf2EBPL+W6ppMJ1rhsOA+te/vX"
    "H3gLjv9tgXDD9L01cX739wITBt58FyP3Th6v3bFcQO9kRd0PcoqxZhmCjYSaN9RT9xtA3h"
    "Ix6XTCC/9EVfB/9TRgPBG3sV7Kd+AG4AXw2A9+gfuJzQye7rPkcB89G1PJtL17fs6za2/Y"
    "fu4ifNZfbJufvuc+LdV56+TLqqvRUfDoJ+Gc0/I/YS/c/kRk5qNXxu/j899pvoTmEqhvmk"
    "4GVkmgbvBqjRJ/dad5eqssb2Oq314RpbfI3HpRIap8jVs8rq1PAGf1N0Yjw4a/ry/dscDX"
    "+Rpu4qe/82obUb/5Nz96N/x2Am37YaVVqJxRWX7ODiasliCjDJXU06th1lZ5faRZOyFaja"
    "X0Gg6eo1bZFHugeW0XNcErTcZC3T5WgpmOLP0XL26RiXKnU6Nkyn8ePx/N27AucjfSrzgH"
    "Q/+3caarGbfkSkyut+c9fPgds9M6BWX7mXewZVGtqP1DrTHoyfybML8Ij+DmyohAOob7He"
    "+cO0E9L9u/sVZuGn0OKMTij6t9O/mDjeUpdmQ+lK7rkI32P16xO2lkoMavaJeW4m3gmfTX"
    "+0Od8k38EG3TSW/l/BfrOP+pga3Qb9+24tc6W5AKeohOQj/TxCQfcfVrbe08VohWy0wbRv"
    "wOLvg2kPpn38RN0uS2o9Lglab4rWOXdW/9dHCB1s0W1Y0bHxsKPHiRCrkxbt3uX17H2Bu+"
    "tZUoH7qyv7KH5zdU9RVSOG+ky/5pHofMxlY7dJXbNi+HMHqoZcK6KCnnQmeKxRiQGSzhaG"
    "dE7/e74wLunrS/r6kr6+pK+H9PWQvh7S18PzpF+hkK1RxNLItjOSugqvPg8m9m5FcUX992"
    "xyk0HPpCST+6KmOuh/ka7ZTm0a2t9F7nea7miG/Zp930tcRxhSsS0xQP3VtfRrUiHD8eQy"
    "udexAS5TS4msiEUXABHSTUKsGYphX9sZxTwR8lV/due+sjZ3Fkc9H3UTO3z9cKUTWlox8b"
    "r0c/H6zekVcTW5uxzL6HYqD0ezka+U8Krgfsjeom9onpk5laUxd0FY9C5GzTSbwrXRjJ3D"
    "Wx2zDdb1kZGhgbxxEorQjNrUcFaXFuivpf/58eL8p/cf+myvZjqnL37KUc/sWhqPRzfzxv"
    "JQL+oQq5CFEiFNDjFWE4PMTfqvmvmqJkBfMVt1FAM1YaEqkqqaO/fXpOin2Of9PO7JdKNZ"
    "sPdoDcTT7+wW/agtPb0H/68EWP0diCkgpoCiAGIKtH5qYiq6LxdlpGJ7+cmIkJNxURdF2I"
    "2LbHrjIsVvpA68EmAr2ffZLoBei/eaXmioXaWUi6bjCnePee10VF3DkG/vuZERhNMIi7y5"
    "SoXIkCbZ2ieLDJnsnHvz2zU9PfADNy4k/kA/1zJ3H1U23rMFU02usaYji6imtSRLdO9lgy"
    "yZ78rcbojhoA19gFhIo/jSmy1LELknVCHIph+mE02OHw5iURqw3fTB5P+OjL9iaSYiF2Lv"
    "6Q7aHhfnbwpZfG9yTL43yVuwvbv/J1GFIpQjIh1EuRYL795cPqchnpNvGR634PlO4Ju3E8"
    "m/zmObUMrdHG5E48nNp+DxpA/6SL9RdVcq9yLLuUkFF9zsCxS7I0IoLVxf4PrSuesLeCy6"
    "pvUiHgvCrE2Ra1Uo0LmM6FouruzAdP9fAOKoTCUUeYNAflsE47fZEL9NIbzU7K2OnxVRlJ"
    "NynbjEJuLA3xRBmz6VHQn+JoX3Ftv2k0mvoKIuoJRg99w/tVhllqlnTOzD4faB7Akj7G1n"
    "t/TTgkXC7Gfzuyv5Zj5AvvzCmMvS8LM8pSonWKWGwsKQrq5HNwOElxvNSPKqL5MXgR/pJd"
    "pSdpbQGRqX6t4yoLtGwY0nd+dJbT3s+vinaYgl/ERkTrgK7ubDuoy+uj3OBna0R1Iqu4oj"
    "2sHZXfkusqRX6mfl29bNHkjjnR/2nhI+Xaz7eQti3e3dffgTFEfLis06fJRyBzrhjrKyCB"
    "E9VD9OZZkORiUXxu1Uvh7dXQ/Q1iIbbbdZGPS4lae309GMPkNPXGJtLc0mzThYXTNTeSSW"
    "RocsQ0pwB4AgmOZQEWkGyq0OpZsPmlG2tFRUGHTdZF1rtoJVdllI6/nSpEYLNjI4/ahcQs"
    "X3VLCu7TdgTE6r1svJZBzT6OUo6Vm6u76U6d7qqnKfZpc+B714njI7aVwSllXTlpWAUzFi"
    "uMYL7iZWoC/88ecp0bGLZ1rzvAK/LWPLsiLjYgsnnc1VHqxkDlkX8fKuXCr27skVzLAvkQ"
    "E7PdPYRGO1pOljO8vmJUCLwDZ0B2ntdnwAKnYH0JxnhTySo1el5A8mP5LuLkuPJvBx046d"
    "XFdstAC3rkJGDMvU9c3xE0wOB+osVN+IpWo2oZdEh2y2RwPmDyd5o3UVtTXBllPJFvaZjd"
    "Tp/cuv6bG1THZfPhKusTvYbWSsLkKG1bVGJ1cFGxgLDJT2o3UVMPopvb3a3tWVXsBs+t+j"
    "b2H7IWfeiF1Fz3fTKrkFrkSwm3sD3objdRU5dWc75kbxAawKtbBKbgfv/yqxHM8oPNpM2o"
    "/U1en1YOEltSr/2Gl/Ktiwn46eYn+jI0nuQB2dXh5UlVxlXay6fY0No77p8fZgVHDdkMKB"
    "Ojq/VJ1ipWzI5p6uxbW2PXYPY8Ndh6N1dZ45ePewdhQXPMs0N1WgxsbpKl7+vm/v7jdaFX"
    "fZWThQR5flyyDVmrkllJLGqUe83V9J+dAGlQ+LGPCpXhBdnI8OPVm/VoEXM+Bn4WgdgUow"
    "6zHtR+KkQHKdTdn5kBnOrsNFJWQWnoSi4ggbSxTEyCOL2MQZIBYqT5Z95NbyoSD1kU3/rR"
    "O0s0m6tERVg0KG5imCCyBDE3L1hDI0tzuLjlg6FyQi3uRcp558LY3Gyhd5Ovo4Gkrz0eRm"
    "gKLRnN7OtjBupdnsl8n0SpnKdKhBuM0p7jaX3ByLhLFWX6sQWs9+b0XymrYftmT/KxQ0Wr"
    "LrLDScbY9+oQricbfGVDAoVEHsRBXEmB9ZJQa2NLPHsV+5z/XzTNi409sXgRo/YEGCBdk5"
    "CxJq/HRN65x7VYpGFq2M0uGKKOeFChOc59QlOE+XJYj+shTM2dUTE2InTCV+gaOqshKKiX"
    "g9h8IrAnpEpBPT+9SQL7XVSlPpn8ApFHqgTkFM8oQN+eraWKqrUaCSlZXXVjdjKsekTrh9"
    "XIr20C27WRfZqov3xWW1kBS35BcrrW7t3Bs8x9GfvXlkjwCbt/BO8pU8K9u1hbmJbtl9cB"
    "NizeiD26kGxeQR6zuPDqA/1yGWhkUUlCHeDEV1qmEx+bYlKjPKljvLA7xk59zcgaB1LtSt"
    "EJ3uFdat8PO+xFjBmNAR5GB7fD3l3QIeVhU4BsbhQK1E9aBnIDapYr4B+gvQzd14nOcciE"
    "T1vWBiWUugj6cxQlpBVUG5wk4nt4QE180UFJfIcyyFVSzAkwSeJPAktcWnAJ6k71HrRTxJ"
    "tr57EKEog+c7F8J4VqhXxFlOr4izdK8IR3OyKr1nxIkGAp1wZYCnrrtkL0uvfzAtjtOoWO"
    "x6VP6E8LtFswR10Lu8m41u5NlsgO53tmZQ22xhSCx27Ho0HCCs4iXZaOrCuJJG498GyP2O"
    "hTGfSl/kMdvT8CPRF4b8q3St3E7l2wEi3/CGVdVwE3tfvjSz63fyOzAI+ap8mRPqT2qnp8"
    "pDC38TR9iTOSXC561EWLOV7e5e11ginDiTGxM9IZkbvtNaNjdEroThkJSFWP7mWAppA3FF"
    "bfudJby6omKwsgRWloMfhPzowfPN8Mt2yoG+tTSVKHgTVHlObHJE1TZYz9jjEqJJ7Xiyr/"
    "0x6tJQXX7YHEVcycPRtTR+dfamf56Y69GugDyg1Z3FqsNl2BZ5OEclT9kbanZ1mkvTRZF0"
    "1uxs1tSlaYMfiGivs5hQ95pBvStEU7zLoSne8WgK6NXQ/RuSV+5dMLIhJgSRDfF1s7LMTd"
    "h8ThBYnixklKbKGZSFNy0J4ObH5cQmZBpq8fCcyFDtxPdghA5vDccCdaZ0056OhvNe1qwG"
    "nIvgnF7MBVD2Tq4KAC6YgN7ME+4gtrED/qgos6z8BqFCht4oHZrL8Qhq6PABFbdrqh/957"
    "E4scrRXQKozkjFoGFMjxOrGH7Wz4tWDDrYQLwixCtCvGKrItcgXvF71HqReEVXTSl9Fws5"
    "CmSbHFvXm0+lm9nYL5JJdWrYul8d8/puPB/djmVl+HkyGsoDtKEDaludKOra1FSyMMaj2V"
    "y+Gd18GrjuPsLqaS+M2a0s/ey+aW8J/uq+98t0NHfferI0x33n42g8Vi7H0s3P9A/RdF25"
    "pwahW1taPM6vUJhfTpRf2itk+s02isb37SWarOzmBveZlkXtRL+3jAjwaUmIrRSGH6sq2b"
    "onVFZvn+woAJ4sRATkq6hcpjbdH0N7r+jySIh1wXt66sWx1ngxGNmQB88D1lAb6IgrdXUF"
    "B4hNzQrXALEJ/ZaleHEH3gCng/gCijpAUYck4Buy1LCgBzkqA4EPua5jF6oKPG3XbBzJ9r"
    "sptBLYg/626LQ6wt1mbivwtgVM9WTbZaebX0dD14yvlbTxjvL7XcTLPWI057mSRvGSP1jR"
    "XvEtWdVxwCpp3BpMqw42bz2FJ24S/NxMf9x+lzvslVMi+2u1zrnfw+/wz1nNHeXv4LQDp1"
    "0rVnlL3TdFnHb84s459RC6VNn5BHkG1H71GXhxwzciCHl6IhmwwQmTQjyTwYmKnI64qXNq"
    "e9TN+dnbn95+uHj/NuRvwnfySBwORxbcEsQO44QYBKQDS3NKliZ67zySqOmgCdxP8DSJxc"
    "rvzZWavUCC1U+C1WlNhskUHDsymmiRbUEGiQoQ1wkmIpiInTMRVbriRUzE4PnuVSSsvM4X"
    "tA2rsWM1i+p5JIo4xjExgLoA1CsdP4hWrYjKdCEU6DRkEgRR1M0kpczJIr5pvxC7wtKjj/"
    "OJ7cu+t2yPKZbi6OPkmIBSDko6tm3LNDfHpoEG43QJqFptYa+/Cs8SDjuv5NjB7jO1OFDp"
    "mw44T8EybuFC7rBlDBmPXdN6gFFuxiP0EIAeAvET7AUOq1rSS8BzXr3n3Lz/J3GNb6Gswb"
    "gU5AvmT/US+YKPporvdzrmNczIVktcqhlq6VTD3QcLbzbYUlamuuMsmOxDNiXYPU7xotBZ"
    "e5Fz1l6kz9pvW8UizHIW2PNjMt1pXlxdsFSYD1i2WzRvgNMB/a5enKvIJ4REWEjSbKd/IU"
    "YgGJojGP0XEYFoyvzov4A0PTI67c4fpp2QHgxMi0wofsRfEf+XrRIDW5pZZcdtf8j23doK"
    "+XjCYEtI0iyI2NYiFvljp9l0O60OtdvIqF1Fbkm2hP48wwHYICv4FHsapAcL7Wsmu9NUtC"
    "z3Y3URK2zb9O5WQTVxKRyoQ2ux/tCIvCLQ6VvIoVAJRawidG/MTi8UCiHHRH7MRR9pBjKt"
    "JbHQK2yEj6ANfkb3BFlkZ5Mlun9GNt3LLawHcj+87iUgr+1LuHEdehhWso/s6KPo+2EKE0"
    "R8QMRHO3bylvr+i0R8gIMUUosbTIZxakCJgRoTAkjz+cX9IX0kw7gPLm0nrAc5xti0OpxX"
    "DGnbIuAWStt+odziNFeUaTgkGaWDxkOUD6wl6DpyOY/+NriIw0W8HTtIhy/icLup/MIY86"
    "+IAcsRBXjh8vgil8dt4h4B8ObDy1m7TbpCRmoDca6O8cpB2VdGr/oOZg9ClRq4EMKFsHMX"
    "wq8U0rS+i/WhC2SbnJ/Vk+6uRpMBwrulZi6M0bX0SR4gbUN3zYXxZXQl088etSUxkw6tIp"
    "HlHwrElX/IjCr/kIwpF6wEckwRkMatsHjFoDeFQvbZY9lVg96kg/ZXprXhbW851VZCie7l"
    "RVRfl+mPHdY1Xmh5NsAREUD4MMLLneVGaGS3XPqomzgrhJ8jnAB9xaTbB3sOzFeTu8uxjG"
    "6n8nA0G/mpV+EJ7H7I3tqHm09laZxA3db+JMr9M7+/vPaQ6cOMy5XyYjYMaN+J+X/Pzy8u"
    "fjp/c/H+w7u3P/307sOb0JuZ/ijPrXk5+sQ8m7H5z2nKRK+NHm4CO0tMqIN7S9EjMu+E/K"
    "Fs4aZYBNLxoYrtU0ahsLuXab3UFqTqpD9mRM1q8hJ81M8jPmzvoVr8Y2pYhAvKEgEV0jZD"
    "rbtUCJQl6prWA4ygLFHBSyWUJWJjv8BhBWWJ6prfFUfdqmRl0fXySISo2rjUCaeydFbXZE"
    "5sHEW2jexNI7lleFdkwWiKmBDEUeTHUeyNkCMd/Z0rKdxPOPpj06p8qj+rF3AkE9CxigoJ"
    "14H255/H0kl/o4MAQVKIIHHnEocdCeZYNjUSTuSqeRF7T8wAMQLESMt2uZaayECMfI9aB2"
    "IEiBEgRoAYqZIYMXXTEuJEAoETTuD/8+7DcPjm/DScSPXRPxr9PtF+YVGZ7kVB1NIvzDdE"
    "BOmnuBTwT/n8U8TYO5KAivjz2wnsQQYqPrPKU1CRRkvlOZbOJfbUSrNI6lojj8QtmMVhW6"
    "If9/NIF7x/EBJxgGQBkqVV5jaQLN+j1ouQLNAkvMY+1tAkHNirDrJXwAKchAVgKVIu5ZeT"
    "eXI4RzY9SpP3l95Yns0mN8pwcnczH/iFWOlfszOchTGbT2XpZ+VK+m02QPRnE/xVWeJne2"
    "H8eqvMJ3NpPEDfttSwcLC+MG7l6Ud5OFe8EanEllgrasgqvhW6MIaTmy/ydCbNR/Rz+pXX"
    "t2N5Ll8NkBppZ2DTb99smbm7ZBJ305kcf9QNzgif6ZWYPRdFgpcusqOXLlLhS86a3hDWpi"
    "7SHComAwwzh2FuUcuttnTcgs5FJ+hcVC7BDlsUvmMDxmxiJSimlu0hL0TaRXtOcGm7RFOK"
    "POIu1QwDuDvg7oC7awuLA0V09mYBhWnqXrt9w4D+SZZ7MQ/NhvBiHpoO4eVdupn9Ik+V2d"
    "3l9WjuPoMN+4lYir2732hOYy7vbG2nlZnd2zh4Hroa5zMdJboav3iJ+4axHsecWQ2pAdtJ"
    "RHf0ni3aj3QvAqEiB/qRUqjS0Ir3I/WHaSekh/uR7ifU4WKvp6+i28x1f0QRXfoL0M3deN"
    "yEFgwtBTevA8Me3my2pE4O4Apr+nNg5/c4HED8gX4eB7Bkjyo+E6AV7do2MQiyzCfGmyO2"
    "uOl1eYl0U8U6ov8QY4kttMTP6JVmIGdN3Gf+YiNmHaI/TSqMHfd99ganX1v1w3OTuoLNmx"
    "mukM0FZEVLTt0OkxUQaNQ1rRcJNHL3X66+M1kN3t0kpuUWajhHo0xLKY+jkKsRfIw8H+OD"
    "iXVlQzi7Ta6LMSp2Qg9j+E6rXIxp286Ox0QUnMNcWZjSSYjZDqjYW2I42XWYswM9uMIAch"
    "JkINWAVHtphuIgqfYy5IRsWKauZyUVRT7t59ESJHyulnIuwQzzK02B7Q+2fzs2h5ZagWD7"
    "f49aL2L700Pc2XGuqMUCVPbSJ8zV2EeXioSpSMP56Is8QJ40ixePBIqHgSi30t2MvbXF9I"
    "iir6+mk9tb9sbSMrfbcmEo1dd6cMPoFSEGIioC9kTSnlgTbPEqMM42WNczMd1LnQ7Rd/Ui"
    "enH+0/sQTPYiD8fZtTQeZ4GplD9PuAN08Fhp7zGSvj3o2Hb8uP8SGk9LV6DuZnq+O6Ht8M"
    "QsYyMkZEHTzdY0VNuGiMCmwQnk5SkjAqEefFFYK6oH716AI1lh5bP8PrORwlS0jqDOi1jf"
    "WibbIyopYHYbGasrkAm5HKItTSxHW2kqN0IkQHZikLlJ/3UY32F8uFZe6/jYinho/NBWyX"
    "HIZst30yQe6ef6aoJQWew9DYmk4J8B/0yrmPoi/hn/oMP7LUEocCcqCCVEOBywj49i7Db3"
    "PBMiE9+04OnwPWsLuG46bxrU7Fpge4kmZz9XwgnVUgiMBepZFlFFYyvjgieMrnwZ8CsMro"
    "wE721KBv1tIN6PC+2aDawwl6ywjy4m2RlkK/TT6abN2SOKeD5DUYA1XorMLdAkWIpsL9MZ"
    "NCtb/i9e66FFB1pbij10E9KAhhQENSEGsILLDFxmDfPtCLnMXqbWQ1uhzSv20JAaJW2FNr"
    "tICRfYbDdaSWg76EtLQpw4vJuUDBRx/3K8THHncLaDKemOBt8S+JbAt9Ql35LP59yTFd3l"
    "S5JBe+EuuZcqJNrwyuHdswuBG8oCtnFs6Zrk3gSL5S/tpZvsZOr9Mp3cfFK8IrkD9GSZxo"
    "Oy94+9fFncfbawKEOXFARTHZgPYD4aZuCIMR+xCgPHch+xwToKb2oTbJIFmbDiOVZk2s7P"
    "tiQ5wbp1lZbwKSIoLQHmZTu2iw6bl1BaomtaDzDqWmmJR6x5I4ipuzeeDH92W5uY6le3oc"
    "kXaTSWLses4EQw5sIY3Si308mnqTybDZC2PwezqlHcyPLVTJnKX0byL3QCEbK0FYs8auSp"
    "jN1XfR2Ke2I7iq2W4IzikqVIjYZlh1TIaUTzOMRikCF8cMCLH/KXlBb0KxUAlicKAEPRy5"
    "fpcQqBhdVCmhsC+91Fv1YG60qz6PF+TJEQ/ghQKqQ51/20lecW8TlG6dwBQOdN1rm6syx2"
    "cHvrlf7dhHPyZ/dHzBCHdokx/VfRLjFA2m/LWYaA444Ay7PJyxMcs5A80R5IwdcNvu6Xds"
    "Y2vFVmW2EVDEOHIIKTBxFwsi2zeWiRmlqcWkYd0UHc28U61ds2HfpIvGbhQK29Ox9Zfkww"
    "RIWdSJK61sgjyWp7knyknxek4h4BeP90rWEqke+BWBWIVWnJjtjSqIUisSqeu6SE0mOCHd"
    "R5S3RciBeJ7LqCBmdaEuxOMOPBjG+YOSRkxuP4zfBIZBP3zI4CnN4HmxS1zmb3zKGXlK+9"
    "DGvA//SwIWC7DxazAXrzNUFM6i82snaGQYFGbuMlG2HVMm0beQXC7QHyhkXYWCKs6z+yOw"
    "H69Ra9Mg2CLPMJbYnljvTXXkJtdXzHwtAc232LxS8i+paGdWqy0yGDr9rHQdk/vO7xrRow"
    "X8B8acUm12HzBULtu6b1IqH2vm8+rfLsuNa9BMSvJePXdNN4IEIhgREJgDMFZ6S7G71gYF"
    "1ZcvtJsP0pJzKMO0LePtVa/pwHK9tmcnCFnntd56yg6WvF21JzeKrDBkk7WCoRY/8QoxU0"
    "FaqZz2oC9MezWdUxJ0PTeCSW7fqor4ltY3fRpSgU3mP9PC5FjQgoG0+iFseqTULfuU3ox2"
    "zWgGMVmIkKDziwUcswE+FqLH5/iYp0qfBZZVcYm9C/g3N4FkyxD6UbXf3sbsaqnrEzcGFI"
    "owHC2sKY/Taby9cDZD/bDtkkOfIM8GPZ8B8KJMN/yMyF/5BMhaff5XAZmOwORxGRJuNfib"
    "FVR4sje/fAOBd+xF12zlFCrBm5Ruz7OpNrtCEOZoe/iFaiMs1QSafSv/xbsaC5G5eCyIz8"
    "yIyI5XFkCEHUupqRorHADQX5oHUbn2Xl49b9tnXHR2APw4E6hHqtIdi8CXuANYjM64KsgT"
    "9P6i9B/3uUcImku/4deAPgDZq56jvMG0BEQ9e0XiSioY3FA11fquCW2pOG89EXVibQlV4Y"
    "t9LdjJUB3GLWtDSrMqB0Kd1cUeTpu/geG0vTL/H08jUByxeYqLywRNOWa3uXZ3pXPqbOD5"
    "T4aZOmlzsruH+LVvbjiUIcQpLE972hwqUpU3IAbbrwp7HSHkR4yL0EsJDVs5AqMbClmaI0"
    "ZFzsCMO5PceEQL6dQ7C6Fg5liksBt9vY4LDWwglJjKdMYgw2yardD5FhW7m5HnY/xE+XGN"
    "L0N6Cbu/G4x9twK0B67o10a5krTW+xSXsQ5PhpE8N4Si2U6Wg4L+bkiYYOHuPh4YYvdgT8"
    "2GR9NFV8v9Ox9XwcZF/Cce461YscijjV40GMVFR5xPouxIuPaRDtXaCcWGy0DiEr5G4NHd"
    "RcL2vUfZ3nXI35y2t2qQZshX9BNm3NHRZ8quBTbeiJ0VLvWhGfarj8UjrPb9sUlesM21hF"
    "yybT0h40A+tpQLPjf6MyEABcIgDYP8AI56DIi7qOCAHsJWAn37Y6vZnw949s4BNiAH0J6F"
    "20UpgXi4kIZJsMfO/TVLq+lqYD9GDhzQZbC+PLZChd3o2l6W8DtLdlF8bsVmYb8acBsrdE"
    "16mW6Hvz31jHRdt5Zt0Wb6eTm7ub4UiajyY3A7S1TINe17RwBjYgVoI8EktzOJZ50QSevX"
    "yj1Tqe/MJ6Yz4tjGv5anR3PUAbstR2m4XxefTp8wCttYf1whhOR/PRUBoPEJV1NNU7Gl84"
    "scfa6RlLjr/NBc+fMPCoLosjjuvbNwWAffsmE1n2ESdUKI1tdjpg8DzkAnJ83cQQaQzoPw"
    "1I5gRkiDEQCYIDPIC5HsDNnnWv0FvVPS6/n3CkxGdZk2puRohZDikZp22zSck9WSxQctNt"
    "JI3MFcL7GFnkp4sMkEmnB9Z19F/IYc/uNuxJ9r8q/Rnswd39j+4I9uvkfaP60aFsZgP2pT"
    "4QokCIQpJJp7VeJMnE37sVd38W5cJTwl26S1fBifsUTjl0U8KAbhzdPRdWDmCePGCc6GOu"
    "s/JDJQFOCQO6cXRjhGw5jDOGAKSTjrLN1iJrYtilkc4YApBOIE1WlqKTR8LxBGdzxnGpJj"
    "P5Jbnj8wLU8Xkmc3yeJo4td2Sxuk9RoWYk93Sq6pNGNwgz0jGxqF6ScqCaylXjk2pm6UqB"
    "sQFOmVKvCaqgFxQInMvS8DOrGxgJ1n9hT2LTanA1ofRxFU4FEbq7QLUuwcLTFdXqaoIyqq"
    "/UdZRDIUyOIStiuWVgOX6F9EP9PPdCkIeyDZ8v6GaQgkZYNnHoAfFgo5VpIdZJyx/yrwg7"
    "aEOnq/umZvsFPcImW2nfQjVD5nYXDjY/KIANPoYKz2Vgm8HHAFov5mPQbGVfGCqR/GSaOs"
    "FGxt4alUuo/J4K1qXl8J3T7qaXk8k4ptHLUTIe9u76Up6+OnNVSR/SvIsHh4PZ2Y650f7c"
    "RxEUNUXTks0wRjtVBATKVUC5iibCCeUqTlmuAmooVFlD4YVD/xIqyDPTQyUVsdHdh4sa6A"
    "aSRoHlzExk2zTwazRzG4QEr6kJbRFkr+m/l39F3nHPjGsb3RPWwhM5pt/ymmOu1/AFEA3Y"
    "gI2/D5b6d2SzgaX+PWq9iKXu/jel72yvffB8B/31Z2+KJHvRp7KTHd+k0r2ivywFc3becE"
    "KsA3l1p84a9u8mOjfTNJsNSYgBFVI5FfJoarx+iNkqCQVAGfXwUvQHKW76uIhW0pKgnsrV"
    "szJVXj+IbK2EAqCMypWh2cq+86aYU2Mvd0KnRmCbttan0TYvUusBD8z3+2dBWj0lCOXKc7"
    "n1PV6nY9ibietBAjg1tcr3Soz20ktsJyXL6HavT2UiWSUWMFYeM27AWlcQq9PJEC9AzPEx"
    "pCoUZ7sYIslvO7uoh+Gz+YTMlUMMN72fnrmW4QXiLRFGT6a1RJpB/89fWmkHQgl5bnBfJH"
    "KVSUFwH7gMWrJvtJQ8BpfB96j1Ii4Dd/9N6TvbZRA8Dy6DYi4D0ZZoL9AK7awudCsuata0"
    "7KNmXGGrtWUzc4qOa8HTOcuqf2xe0ckim4bEcrSVpmKHa3JEP841ONT9g/U3WwADAAyAZm"
    "4ILb0KFjEAjN3mnhfPmhM/EkpUcx180RTS+GXwokjBh4vsig8XqZIPmm3vSq2pmGAHl1RL"
    "lhDHmkqvIfJtq9HhSmg5LgkNxZusZWqkWbZodeWYENghkP5TJ5zEsExdZxVpBEFNCUK9Ds"
    "irOmlelbdPVsJABAN1FNbYiXI858DbPdJqECwuI8eGauOGcVANqS2z7rIyf9tpf/Y4XI77"
    "fj+PxPmDPvHnCfib3yOrOEIJQKtM4HUauud2mNcBx27XtF7Esetojljbr1Cgg67d80Ku3f"
    "Mc1+45ZIOVOazqyQbDtu0mq5QquJ0UPp2j/acWtAFmG7miaxvNUTaasXN4waKZ2PKFSwHc"
    "MPay8gZtdHfCjkM2W16p4fwZnJQ93QS+aP781Wxlu7vXNXtNOCbFoUyTmCgkmwgkmwAjXj"
    "WFaxPX2hQOd4pKQeZOfuYOUI3B/DmeauTM3QqQne1HauWELRA5Fl2wMWjpT0A3d+NxsYSo"
    "7OuESHIP4xAlb6QOTefY5KS/1M4orCmK1N/8oboKFbOVHoyMhhgiYEnhQN1ZybXmirnr0L"
    "CfXHqdy/T7n/YP8f0Kdh8UaEbrJ3b9xUaeKCv5xuq3BwvH7SRrIH/D6dP/X6K1+YQ0Bz1h"
    "G22w9ZUs+Z1oqxuam1iG9ztXMCIkl4EPoiVbckvZaPBBfI9aL+KDwOERVZQc30uU4sWbeX"
    "M4GTGumpZFzQlB3isiVY7yag/qFTJeW5N9n4LZVY9HNX7UTZzlgkiJJnBfMdlOAX81ubsc"
    "y+h2Kg9Hs5FfzyncqtwP44BPZWmcrJ9FyJJdrkX2k6gM7CjiO8qDhZelju2YIESzN+eQTt"
    "/NfKNJkGiOSwF7z1s4ohHtMSHg7uOIBga9IKYJMZio+S6RCINyJHPfTSa5n6Dv49vgYc/I"
    "HxHGuAKAO0hAJxFOLODDEHu7aAUAd7sWX+ywEfY71c59+ztHFvm931gOsd8Rt1i1Me+/u1"
    "/gctH+RAk2Az8vOsk877uaQkw88NHN36FbykwCH/09ar0QHx3fn1Oaz4+7TEufLvKy/tDW"
    "KoIv6YXK4ZW4Z0kHMoUtde+Kh66F0ieMidcM1qWNzTFb8NzqjW6U2+nk01SezQYoMs7CmN"
    "1dXo/mc/lqgOzd/UajE2e5MG7lm6vRzSdlKn8Zyb8M0JYYSxaJbpFHjTwtjE9TepWlIh51"
    "tjDkX29HU/aGVxrCm5CiNe3eF8h7OEsuyUhFu/fJrAeqJavczhmX7ODO2d6dMn1ALukhoG"
    "sGKaHnhCiQv03Wc7g/lVnQCVnQdJM17Xsd3QCsUv7KvSS4Kwu4K33UqBpt7Z6XinkY8ahs"
    "ScxLnZFvXteVqVYz5hkZgTlIZ6UBwpzmzmls28J5VXshCC8pHF7icpeinq5QBLxcUF7shE"
    "7DgAevwKHVXkgLOLLC9XnYiQWFxYpAerCwWKHEqX1+xJF5U2HwakfgTluKVfTcmoUDtfbw"
    "P30uUOjoz3CIRgMBDnhEY/lvhzOCJpH0nD5r8GRaS2K9Rv/w44b9/KJ/uLk6/8CqSrYuJe"
    "CtKvq2Rdx2UV/JM/3LyKO3QmKZQdV/xcKw1+aTwdKL/JQjG+0MR9Pd5zzBH+njyNrpBL1i"
    "/7b/g91TbZslqf0H/ej19vkHhHXdfLKR5mTnHAWHHz0yNUg4Agdvi/b9lrr6wMH7PWq9iI"
    "M33INTOj9QFCoiB07dREUoBkQKz2Iu3UC2ySXletd34/nodiwrw8+T0VAeoA0V07Y6UdS1"
    "qalkYcynd7LyURrPZG/OKe73LozZ58l0rkg3s1/k6QDRG4cVXFUWhjybSb8NEL1Q4Ofkhe"
    "dlPLdby+RG9mZnz+wlmqzAxibPeCx+CeL/1Hz/WVv5fnObUcjjv2eTGz7CEZHk2a6pDvpf"
    "pGt2bUBH7tP3O43uMob9mn3fS1ypGUT5Uz45uxPnNRsgIwNVEc/8TUtCvp74lpO0jUVWBk"
    "8WlkjlS4R82+rYwPxravb6SIhB2VjhtQEuNfABvbTD4qAPCBwWjaXhIzXMOCR8vMJZNgWf"
    "KKl2mH//xbS+Ips4aGVaCCNVpyNYprlhccFUUH92C2iZK6RTW5Px57ZKDGxppsuWswmHXm"
    "E0/CwPf2bUurMmKf69+q9YGBvtwXKn4A+vkYS8mb5EDrYe6Pc4+CthrLqNInCgJ81Z0zcH"
    "bgWw8H33bXPnsN+wMNbYRobprOkvp79m5TCGf2lmsfOpBKzwT2MCkIUFJH3z97qW0rVA0n"
    "+PWi9C0kNnkro7k2jsC3dqBjeWbWMm5cDIFDYyl7tSKTM7yJZp3s6VPrA0W6H3Ye2Rs30d"
    "ai2xl4O+EgJ9JYL7umhriYQcsDdJYP1r8/2zKLJJQahTFUfWs5EFUY0JAaINIW47iWbA3Y"
    "g2lomLAar5nWWiPNORlPgwOlY7D6vD/WUS53WBNuHhOVQBxN2u9JU6sjOqfaVPsQqgHYcD"
    "dRPc2MldoDOSv41WsS+YxiOxbJdkn0WG7SbOifOnSKXFUzokW4pqJf7Il8kMastRV6tP0r"
    "0bXBNWkMpea9sexzGZfKSf5510z2FlEz5dS9nE2OXIdnZL5jRNF0sMPumDpw48dW3YAVrq"
    "swFP3feo9SKeuhbW89vT7CIpINJwPvoiD5AnvTBGN8E7mhG8N7ubsQp+XlE/mxXvY0X6hp"
    "Pr27HslvpTzc3WjXLpFZs3Nad7/NPUjFIrNibYwQXb3gWa3pdZCFQJFUfEwOHYZP2C/6su"
    "FtwzLkRJ8JgUgAok+MuS4BET+TQMeFuhjS9cUaqrdgbHndhZ3E0w6w+wNuyxGuiaFC3jEK"
    "yuoY0F0DJt2SNaaqADLfM9ar0ILeP+N6Xv7Pjp4HkIny4WPh39ZSmYs6OnE2IQPC0cPK2T"
    "R6KXpRtD4SZP8550NkDS2cKQzul/zxfGJX19SV9f0teX9PWQvh7S10P6enhehkk8L7Igsp"
    "dDcjGoeItVzeFE2eSXVIrKna6k0kVdhUwqLKgEQeQnDiJnhDbFcSl0aMaEulCK5BT+Bhcw"
    "pbwtkjUGkNTNuY5ynBDYeNjhByIa8x4XAzY1WXjPI1oEUY1LAaj5FHWEzAICNY9AjU+rw8"
    "x0sLgrQHYcGaqj6Ca2whi8U7o/T0fDecHaMPHyIuVjMeP1TDqCe2yKJqIcy0PFibDsCl51"
    "ej4i0b4c10c8FrhIPR0lEYd8uLSOhHy/0F9s9MRq4Lj1b6LFZwZu5RvLfEJbYgVPu1Vv9s"
    "/0kUW2OlbJEnk/NlZbp4bvWBhsM0b7P/c1mq+JN7pmuxXu99/p5SegoDlpH6mRtAHECt6z"
    "/9LfxELBF4bf5LaPNthR3So7bsH88IfQEb/SSYpeYQdt6FHr/nb6pTZhdXtiNYBQWALorw"
    "vDcCsI0X3e/cT7qY5N9BV6wnZQHuiH7Cr7OLYdFQoajrUnBP8U+Kcauvm21FMB/qnvUesd"
    "DRsOzwrBXbXHb/WdbOU9led30xv2jkWcHWujyt6LyFLwY7/gxdm8hvUFbtrqbe9qTW/Smq"
    "1QC6eENyKQOqEvInyntc4IaFGbDXMVLQFWhCyZfZqGONtzH5Xpgqvn1H5775grcVLEBMHJ"
    "0+RTIsKziFnMKUHwSfCWj6ifJyYE1Xi4NbgC0qtcMa6ENGDMqcrl04VlqnPFRQHdxDXRI2"
    "ZF85NiUoAp5Hyd2qEe5+mP9Px20gfZT/h+U/cjSPs6adpXzr2hAoC98me3kQFbufMWLYOW"
    "uDMVKDTnH1kVQB2rh0Y61mA+NbNjJ30BnKN3rgrAdtsH7UfrJsice2oBpD3L7HSbc0vBjR"
    "mwGbC+TEquRCxNXfd4TZ68T/q5ASn7Z+pMxBWKZ8jM0uBeajn5Gb4Cj4tjqNOb6qVnnJ+9"
    "/enth4v3b8McjfCdvESNgKXPDl9gBwv3lMpOIIiINDkjqWT+wPm7d0XyjN69y840Yp8lup"
    "dutyII+493EN2zQmmNZzlpjWfptEb6jQ7XashuCRsROX0n2JcxfSvr+Zoykk95mP37/wPU"
    "BA7B"
)
