from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "recordings" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "topic" VARCHAR(200) NOT NULL,
    "language" VARCHAR(8) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "failure_reason" TEXT,
    "learner_speaker" VARCHAR(100),
    "transcript" TEXT,
    "transcript_format" VARCHAR(8),
    "media_key" VARCHAR(300),
    "mime_type" VARCHAR(100),
    "size_bytes" BIGINT,
    "duration_seconds" DOUBLE PRECISION,
    "processed_at" TIMESTAMPTZ,
    "assignment_id" UUID REFERENCES "assignments" ("id") ON DELETE SET NULL,
    "classroom_id" UUID REFERENCES "classrooms" ("id") ON DELETE SET NULL,
    "uploaded_by_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_recordings_user_id_f73167" ON "recordings" ("user_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_recordings_classro_5abbbf" ON "recordings" ("classroom_id", "created_at");
COMMENT ON COLUMN "recordings"."status" IS 'UPLOADED: uploaded\nPROCESSING: processing\nTRANSCRIBED: transcribed\nEVALUATED: evaluated\nFAILED: failed';
COMMENT ON COLUMN "recordings"."transcript_format" IS 'PLAIN: plain\nWEBVTT: webvtt\nSRT: srt';
        CREATE TABLE IF NOT EXISTS "recording_segments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "position" INT NOT NULL,
    "speaker" VARCHAR(100) NOT NULL,
    "start_ms" INT,
    "end_ms" INT,
    "text" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION,
    "is_learner" BOOL NOT NULL,
    "recording_id" UUID NOT NULL REFERENCES "recordings" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_recording_s_recordi_15baae" UNIQUE ("recording_id", "position")
);
        CREATE TABLE IF NOT EXISTS "recording_words" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "word" VARCHAR(100) NOT NULL,
    "count" INT NOT NULL,
    "zipf" DOUBLE PRECISION,
    "frequency_band" VARCHAR(16) NOT NULL,
    "is_advanced" BOOL NOT NULL,
    "recording_id" UUID NOT NULL REFERENCES "recordings" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_recording_w_recordi_f84491" UNIQUE ("recording_id", "word")
);
COMMENT ON TABLE "recording_words" IS 'The vocabulary analysis: one row per word (lemma) the learner used.';
        CREATE TABLE IF NOT EXISTS "segment_corrections" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "original" TEXT NOT NULL,
    "corrected" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "type" VARCHAR(16) NOT NULL,
    "severity" VARCHAR(16) NOT NULL,
    "start" INT NOT NULL,
    "end" INT NOT NULL,
    "segment_id" UUID NOT NULL REFERENCES "recording_segments" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "segment_corrections" IS 'A correction of a learner''s segment: `start`/`end` are character offsets into its';
        ALTER TABLE "evaluations" ADD "recommendations" JSONB NOT NULL DEFAULT '[]'::jsonb;
        ALTER TABLE "evaluations" ADD "recording_id" UUID;
        ALTER TABLE "evaluations" ADD "evaluated_by_id" UUID;
        ALTER TABLE "evaluations" ALTER COLUMN "session_id" DROP NOT NULL;
        ALTER TABLE "assignments" ADD "expects_recording" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "assignment_submissions" ADD "recording_id" UUID;
        ALTER TABLE "evaluations" ADD CONSTRAINT "fk_evaluati_users_9eb35ab3" FOREIGN KEY ("evaluated_by_id") REFERENCES "users" ("id") ON DELETE SET NULL;
        CREATE INDEX IF NOT EXISTS "idx_evaluations_recordi_96a4cf" ON "evaluations" ("recording_id");
        -- What aerich does not model. Lower domains name recordings by id (they may not know
        -- the model): their foreign keys are declared here. An evaluation is of a session or
        -- of a recording, never both; an assignment's one target may be "a recording"; a
        -- submission names at most one piece of work, a recording included.
        ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_recording_fkey"
            FOREIGN KEY ("recording_id") REFERENCES "recordings" ("id") ON DELETE CASCADE;
        ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_one_subject"
            CHECK (num_nonnulls("session_id", "recording_id") = 1);
        ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_recording_fkey"
            FOREIGN KEY ("recording_id") REFERENCES "recordings" ("id") ON DELETE SET NULL;
        CREATE INDEX IF NOT EXISTS "assignment_submissions_recording_idx"
            ON "assignment_submissions" ("recording_id") WHERE "recording_id" IS NOT NULL;
        ALTER TABLE "assignments" DROP CONSTRAINT "assignments_one_target";
        ALTER TABLE "assignments" ADD CONSTRAINT "assignments_one_target" CHECK (
            num_nonnulls("lesson_id", "scenario_id", "quiz_id") + "expects_recording"::int = 1);
        ALTER TABLE "assignment_submissions" DROP CONSTRAINT "assignment_submissions_one_work";
        ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_one_work"
            CHECK (num_nonnulls("lesson_progress_id", "session_id", "quiz_attempt_id",
                                "recording_id") <= 1);
        ALTER TABLE "recordings" ADD CONSTRAINT "recordings_size_not_negative"
            CHECK ("size_bytes" IS NULL OR "size_bytes" >= 0);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_evaluations_recordi_96a4cf";
        ALTER TABLE "evaluations" DROP CONSTRAINT IF EXISTS "fk_evaluati_users_9eb35ab3";
        ALTER TABLE "evaluations" DROP CONSTRAINT IF EXISTS "evaluations_one_subject";
        ALTER TABLE "assignment_submissions" DROP CONSTRAINT IF EXISTS "assignment_submissions_one_work";
        ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_one_work"
            CHECK (num_nonnulls("lesson_progress_id", "session_id", "quiz_attempt_id") <= 1);
        ALTER TABLE "assignments" DROP CONSTRAINT IF EXISTS "assignments_one_target";
        ALTER TABLE "assignments" ADD CONSTRAINT "assignments_one_target"
            CHECK (num_nonnulls("lesson_id", "scenario_id", "quiz_id") = 1);
        ALTER TABLE "assignments" DROP COLUMN "expects_recording";
        ALTER TABLE "evaluations" DROP COLUMN "recommendations";
        ALTER TABLE "evaluations" DROP COLUMN "recording_id";
        ALTER TABLE "evaluations" DROP COLUMN "evaluated_by_id";
        ALTER TABLE "evaluations" ALTER COLUMN "session_id" SET NOT NULL;
        ALTER TABLE "assignment_submissions" DROP COLUMN "recording_id";
        DROP TABLE IF EXISTS "recording_words";
        DROP TABLE IF EXISTS "segment_corrections";
        DROP TABLE IF EXISTS "recording_segments";
        DROP TABLE IF EXISTS "recordings";"""


MODELS_STATE = (
    "eJztfWtz2zjW5l9BaT90ukqTN7FzW83uVtGykuht2fJIcjI9rSk2TUE2JxSpJik77nfmvy"
    "/Am3gBKYIiKRI5H7odSzyQ/AA4wHnO7X96G3OFdfultHMeFuY3bPQG6H96hrLB5B/pN/uo"
    "p2y3+7foC45yp7tPK+Qx2aHPua8rd7ZjKapD3loruo3JSytsq5a2dTSTfk5PMpC5Vf7YYX"
    "SHFQtbyBX+KzIN/Rk5DxjNP0t/OXv7Dplr91f3baTZyHZMC69e0k9ZmSr5GM24r2rAnaGR"
    "AcjfcY/JIxYZ9rd/kpc1Y4W/Yzv4dftNXmtYX8Xg0lZ0APd12Xneuq/d3o4vP7pP0i97J6"
    "umvtsY+6e3z86DaYSP73ba6iWVoe/dYwNbioNXEQiNna77gAcved+YvOBYOxx+1dX+hRVe"
    "KzudTkTv/6x3hkrxR+4n0f+9+X/+V4s8JsvX04U8Hy1kuZeaN/oVEsj7L6mmQedcMxwK1P"
    "/8xxt3D4j7ao9+wPCzNHtx/u5nFwLTdu4t900Xrt5/XEHFUTxRF/Q9yqqFKSay4qTRviTv"
    "ONoGsxGPSyaQX/miL4N/lJmB4IX9FOyXfgBuAF8NgPfIH7iaksXuz33OBCzGV6P5Qrq6oR"
    "+3se0/dBc/aTGi75y5rz4nXn3hzZdJdrW348NB0Nfx4jOiv6J/TK9HyVkNn1v8o0e/E9EU"
    "pmyYT7KyiizT4NUANfLkftbdrSo/KPZDetaHD4rFnvG4VGLGCXL17LI6Z3ijfJd1bNw7D+"
    "TXd29yZviLNHN32bs3iVm79t85c9/6Twxm/H2rkUkrsbnikgJuro5spgCT3N2kK7Yj7+xS"
    "WjQpW8FU+zsIZrr6mbbwI9GBZeY5Lgmz3OZZJtvRkhWCP2OWs0/HuFSp07Flcxo/Hs/evi"
    "1wPpKnMg9I973/pKHmu+lHRKq87rd3/xy43VMDav2NebmnUKWh/UisM+3e+AU/uwCPyfdQ"
    "DBUzAPUt1lt/mG5Cun91v8Ms5Sm0OKMLivzt5C/GjrfVpflQuhz1XITvFPXbk2Kt5BjU9B"
    "3zzEy8Ej6bfmtztkm+ohhEaaz8v4J+Zx/1CTG6DfL33VjmWnMBTlEJyUf6eYSC7j8sb72n"
    "i9EK2WiDad+Czd8H0x5M+/iJul2VnPW4JMx6W2adcWf1v32E0FEsooZlXTHud+Q44WJ10q"
    "LiXV5fvytwd32dnMD91ZW+Fb+5uqeoqmFDfSYf84h1NuYjY7dJXbNi+DMHqoZcKzIFPek1"
    "57FGJAZIer00pDPy82xpXJDfL8jvF+T3C/L7kPw+JL8Pye/Ds6RfoZCtUcTSyLYzknMVXn"
    "3uTcW7FcUn6r/n0+sMeiYlmdSLmuqgfyNds53aZmh/F7nbabqjGfZL+nmnuI5QpGIqMUD9"
    "xZX09+SEDCfTi6SuowNcpLYSXmOLbADMNTcJsXZMDP1YYSbmCeNv+rO79uUHc2cxpuejbi"
    "oOe36Y0olZWlPxuubn/OWr5ificnp7MRmhm9loOJ6P/UkJrwrum/Ql8oLmmZmzkTRhbgiL"
    "3MWImWYTuDaasXNYu2O+UXR9bGTMQN44iYnQjNqm4XVds0C+Lfnxl/Oz9+8+9KmupnNOfn"
    "mfMz3zK2kyGV8vWstDndQhViELxUOaHGKspgZemOR/NfNVbYC+YrbqKAZqSkNVJFU1d+63"
    "SdFPsff7edyT6UazKN6jNRBPv9Fb9KO28uY9+LccYPVPIKaAmAKKAogpmPWmiamoXi7KSM"
    "V0eWNESGNc1HkRduM8m944T/EbqQOvBNhy9n1WBNBr8V6TCw2xq+Ry0XRMYfGYV6Gj6lqG"
    "fHfPjYwgnFZY5O2dVIgMaZOt3VhkyHTn3Jnfr8jpodwz40LiD/RzLXP3UXnjPVsw1eRK0X"
    "RkYdW0VniF7rxskBX1XZnbDTYctCEPYAtpBF9ys6UJIneYTAiyyZvpRJPjh4NYlBaomz6Y"
    "/D+Q8VcszYTnQuw9LaDtcX72qpDF9yrH5HuVvAXbu7t/YZUrQjkiIiDKtVh4d+bqOQ3xAn"
    "/P8LgFzwuBb54mGv19EVNCKXdzqIgm0+tPweNJH/SRfqPqrlTuRZZxkwouuNkXKHpHhFBa"
    "uL7A9UW46wt4LESb9SIeC0ytTZ5rVSggXEZ0LRdXemC6/+aAOCpTCUXeIpDfFMH4TTbEb1"
    "IIrzR7qyvPMi/KSTkhLrGJOPBXRdAmT2VHgr9K4b1VbPvJJFdQXhdQSlA8908tVpll6hkL"
    "+3C4fSDbYIS97exWflowT5j9fHF7ObpeDJAvvzQWI2n4eTQjU44VlRgKS0O6vBpfD5Cy2m"
    "hGklc9TV6E8kgu0Za8s7jO0LiUeNuAaI2CiidX86RUD70+/mkafAk/EZkGd8HtYliX0Ve3"
    "x9lQHO0Rl8quYogKuLor1yIrcqV+lr9v3eyBNN75Ye8p4eZi3c86EOtu7+7CryA7WlZs1u"
    "GjlDlQgxplbWHMe6h+nI1GZDAiuTRuZqOr8e3VAG0tvNF2m6VBjtvR7GY2npNnyImLra2l"
    "2bgdB6v/JeWd4bDs03xCIiUMwS/toSDSzJNLKciP2NLIn1OGgGIOAHPe5jl3K4Hp5r1mlC"
    "0jFhWGuW7zXGu2rKj0Ypie5wuTGKiKkeG/icolpviOCNZ11AbsWLPTejGdTmIzejFOehFv"
    "ry5G5Bx1p3KfUpm+83ixW2U0aVwStlXbthWHAzlCUsSLKyd2oC/88ZcZ1hUXz/TMs4o5d4"
    "wZzYqCjG2cdOZeebCS+YIi4uVduVTFs4kqWGFfIgMKvdLoQqN1w8ljO8tmJbvzwDZ0B+ms"
    "Oj4AFb0DaM6zjB/x0btS8gcbPWJxt6VHCfm4accurks6WoCbqJBhwzJ1fXP8AhuFAwkL1X"
    "dsqZqNySXRwZvt0YD5w0neaKKi9oAVy6lEhX2mIwmtv/z6LVvLpPflI+GauIPdRMYSETJF"
    "fdDI4qpAgdEgUGk/mqiAkXfJ7dX2rq7kAmaTn0ffwvZDzr0RRUUPPyr6zv1Dbflee/Tu6U"
    "ecAeFwgt5h/RAGObf4Gw9iC2/Am3A8UVeaurMdcyP7AFaFWlhBWsC1pmLL8Yzoo83K/Uii"
    "Lq97S1kRK/yPnfanrBj209FL7G9kJMkdSNDl5UFVydXfxUrsa3+YEUGuA/dGBdczKRxI0P"
    "Wl6gQreYM3d2QvPmjbY3UYHe4qHE3UdeYou/sHR3bBs0xzUwVqdBxR8fL1vr2722hV3P3n"
    "4UCCbsvTINXJtUXeMWzFTQI89r66H0lUsIiewY68xnhF3ZhHn43Y+RgZSkTAwr9JdqE7co"
    "V9CkZzsRMVMws/avhJVgkoR+I1c0cakqdFxYrmXzzLG/JXWZrC6h/ApezpYFf+WGIjVg2H"
    "6AImOHm42+qme/vyqiCR8Y7elP44gt69ToFTZ1YWV6EMRpeU7Z4MZCMb1GMv4mpKdagTcD"
    "WSt7CSc1Mrjhd1Nc3D0QSEKkhEiOaOVAHcjTfuPDGsIAhyVrNJx4wxStswA8uy69xkBLYd"
    "LhY4oqkIKCqOFGOFgtxnZGFyzR4gmgKNV33k1mglIPWRTf6vY7SzcbpkYFWDQuWdqhcvVN"
    "5pSlt0tAZLkco7251FRiyd4x8Rb3MNi97oShpP5C+j2fjjeCgtxtPrAYpmbnmabWncSPP5"
    "1+nsUp6NyFCDUM3JrppLKseM1VJzDfpyRdArqH5eQjHWuSl/nOLnbdOHHdF/ASaHqp+Xqj"
    "tmQ6ZSV+YXqtsfd2tMJX5BdXshqtvHYkZVbCiWZvYY9ivzuX6eCRsPcPVFoHYrWJBgQQpn"
    "QULtVtFmnXGvSrHLvBUvBa50eVao4NxZTr25s3S5ueg3S8GcXRU/IdZgiagTHFWVlcZP5O"
    "Y4BF4e0CMiQizvpiFfaeu1ppI/gdEA4kD9uZhkg43W61Is1dWeU/HaIjrqEXNVB41LNag+"
    "Ll7XpUASyrqIqs5W1Kz6uLJbypm2zLJ2WYGX2cojewRQ3tya5Bt+lrcPlsIsavHf8+k1ew"
    "4SYsmbqKY66N9I1+za9EnE+rvbabpDlsJL+nmnMAApTPkTk5yDxO2SDpCcmH3Opky+rhuS"
    "xzNBGeLtmCj6seJM1PctVqlRttpZHuAbzdgxs/nyj+bcgRo8qTtQJhZq1DVco86v8cDHCs"
    "aEjiAHu+PrKe8W8LCqwDEwCQfqJKoHPQOxRRXzDZBvgK5vJ5M850AkLvKERSQ6An0y8wdS"
    "YqsJa+Z2Ornl4phupqCQXJ5jKaxYB54k8CSBJ6krPgXwJP2Is17Ek2Tru3seijJ4XrgQxt"
    "eFegC+zukB+DrdA9DRnKwOXhlxooGAEK4M8NSJS/bS0lD3psVwGhWLXY/KNwi/WyCXcw56"
    "F7fz8fVoPh+gu52tGcQ2WxoSjR27Gg8HSFGVFd5o6tK4lMaTXwfI/YylsZhJX0YTqtOUR6"
    "wvjdHfpSv5Zja6GSD8XdnQinBuUZrTt9xx/U5+Zz0uX5Uv0+D8Sd30VHloKd/5EfZkmkT4"
    "rJMIa7a83d3pGk2E42dyY6INkrnhK51lc0PkShgOSVmI5W+PpZA2ENfEtt9Z3LsrKgY7i2"
    "NnOQqr6kO2mzZ4vh1+WaEc6FtLU7GsbIKOLgklh1Vto+gZOi4hmpwdT/alP0ZdM1SXHzZn"
    "Ii5Hw/GVNHnx+lX/LLHWo93eWUCrO4tWNs6wLfJwjko22fN3ftnMpem8SDprdjZr6tK0Ue"
    "4xbw/rmJB4TX7fFqIp3ubQFG9ZNAX0ZRP/huS1duKMbIgJQWRDfN+sLXMTNhXnBJYlCxml"
    "qXIGZeFNSwK4+XE5sQWZhpo/PCcyVDfxPRihw9rDsUCdGVHas/Fw0cta1YBzEZzTm7kAyt"
    "7JVQHABRPQ23nCHcQ2dsAfFWVWRWHpORa6qDR08ysMFXSL4ex98uexONGuJ6ICdKrS9x05"
    "FGqN6gwaafYYcZ3he/28yM6gsyfEdkJsJ8R2dirKD2I7f8RZLxLb6U5Tar6LhWcFsm2OQ+"
    "wtZtL1fOIXFHUvILpfSfTqdrIY30xG8vDzdDwcDdCGDKhtdSyrD6am4qUxGc8Xo+vx9aeB"
    "6xrFtHr70pjfjKRf3BftLVa+ua99nY0X7ktPlua4r3wcTybyxUS6/oX8IZquy3fEeHYrmf"
    "PHRBYKicyJiEx70Ey/qV7RWMi9RJsnu72BkKZlEZva7yHJA3xaEuJQueFXVBVv3RMqq4dn"
    "dsQESxaiJ/KnqFxWO9GPodVXdHskxETwNDe9OR40VrxKNuTB84A11FE64kpdXXEGbBOzwj"
    "VAbEw+hdXD7UAhDNYAzUF8DgUwoABGEvANXmkKp7c9KgNBIrludheqCrySV3Scos0x2wns"
    "Qd9kdFkd4Zo0txXw/gFTPS3a1aqllme+n8SvOaJrxrcj8fKqs0T5fRHxco8YzXmW8WMF9U"
    "L8wUaPYpUMiQHmOHizPdr97S8ryRtNpNXVhCduGnzdTH/cXssd9srJEf1arXPut/Az/HNW"
    "c0f5JzjtwGnXiV3eUfdNEacduxB2Tu0IkapgN5CTQexXn4HnN3wjgpDTyJMtHJwwKcQzGZ"
    "yoSHPETZ1L26Nuzl6/ef/mw/m7NyF/E76SR+IwOLLglsB3GCfEIHgfWJomWZrovfNIokZA"
    "E7if4GkSm5Xdxyy1eoEEq58Eq9OaDBNPGHZkNCkl24IMkjogrhNMRDARhTMRVbLjeUzE4H"
    "nxqjdWXhMNWqzV2N2bRvU8Ypkf45gYQF0A6rWu3PNW+IjKiBAK1AyZBEEUdTNJKXOyiG/a"
    "L1ov01Ty43xi+xL5HdMxxdJBfZwcE1DKQUlXbNsyzc2xKbPBOCIBVast7PWiYVnCYZeaHD"
    "vYfaYWByp50QHnKVjGHdzIAlvGkPEo2qwHGOVmPEK/Bei3ED/BTnBY1ZJeAp7z6j3n5t2/"
    "sGt8c2UNxqUgXzB/qZfIF3w0VeVupyus5iLZ0xKXase0CNWc+N5SNhvFktemumNsmOxDNi"
    "UoHqd4XuisPc85a8/TZ+33rWxhajlz6PyYjDiNnqsLlgrzAct21mYN0BzQb+vFuYp8QkiE"
    "hSTNbvoXYgSCoTmc0X8REYimzI/+C0jTI6PTbv1hugnpwcC0yIJiR/wV8X/ZKjYUSzOr7E"
    "7uD9m9W1shH08YbAlJmgUR21rYwn/sNJuo0+pQu4mMKipyK7zF5OsZDsAGWcFN6DRID+bS"
    "aya901S0LfdjiYiVYtvk7lZB5XUpHEigvVh/aEReEej0LeRQqITMVxG6N6GnFwqFkGMiP+"
    "aijzQDmdYKW+iFYoSPoI3yjO4wsvDOxit094xsosstRQ/kfn7ZS0Be24cw4zr0MKxkH9nR"
    "R9HXwxQmiPiAiI9uaPKO+v6LRHyAgxRSi1tMhjFqQPGBGhMCSPP5xf0hfSTDuA8u7SasBz"
    "nG2LI6nFcMads84BZK2z5RbnGaK8o0HJKM0kHjIcoH1hJ0HbmcR78bXMThIt4NDSLwRRxu"
    "N5VfGGP+FT5gGaIAL1weT3J53CbuEQBvPryMvdumK2SkNhDj6hivHJR9ZfSq7yj0QahSAx"
    "dCuBAKdyH8RiBNz3exPnSBbJvzs3rS7eV4OkDKbqWZS2N8JX0aDZC2IVpzaXwZX47Ie4/a"
    "CptJh1aRyPIPBeLKP2RGlX9IxpRzVgI5pghI63ZYvGLQq0Ih+/Sx7KpBr9JB+2vT2rDUW0"
    "61lVBCvLyI6usy/bFTdI0VWp4NcEQEED6M8GpnuREa2S2XPuqmkhXCzxBOgL6m0t2DPQfm"
    "y+ntxWSEbmaj4Xg+9lOvwhPYfZO+tA83n42kSQJ1W/sTy3fPzIyUC+0+04cZlyvlxWwZ0L"
    "4T83+fnZ2fvz97df7uw9s379+//fAq9Gam38pza16MP1HPZmz9M5oykWujhxuHZokJCahb"
    "ih6ReSfkz2ULN8UikI4PVezeZBQKuztN66WuIFUn/THHalaTl+Ctfh7xYXsP1eIfU8MiXF"
    "CWCKiQrhlq4lIhUJZItFkPMIKyRAUvlVCWiI59gsMKyhLVtb4rjrpV8doi++URc1G1cakG"
    "l7L0uq7FnFAcRdRGttJIqgzviswZTRETgjiK/DiKvRFypKNfuJLC/YSjP7asyqf603oBRz"
    "IBglVUSLgOtD//PJZO+hsZBAiSQgSJu5YY7EiwxrKpkXAhV82L2HtiBogRIEY6puU6aiID"
    "MfIjzjoQI0CMADECxEiVxIipmxYXJxIINLiA/9fbD8Phq7NmOJHqo3808nm8/cKiMuJFQd"
    "TSL8w3RDjpp7gU8E/5/FPE2DuSgIr487sJ7EEGKr6yylNQkUZL5TkW4RJ7aqVZJPVBw4/Y"
    "LZjFYFuib/fzSBdl/yAk4gDJAiRLp8xtIFl+xFkvQrJAk/Aa+1hDk3BgrwRkr4AFaIQFoC"
    "lSLuWXk3lyOEc2PUqb9UtvMprPp9fycHp7vRj4hVjJX7MznKUxX8xG0i/ypfTrfIDI18bK"
    "N3mlPNtL4+838mK6kCYD9H1LDAtH0ZfGzWj2cTRcyN6IRGKLrTUxZGXfCl0aw+n1l9FsLi"
    "3G5H3ykVc3k9FidDlAaqSdgU0+fbOl5u6KStzO5qP4o25wRvhMr8TqOS8SvHSeHb10ngpf"
    "ch7IDeHB1HmaQ8VkgGFmMMwdarnVlY5b0Lmogc5F5RLsFIvAd2zAmI2tBMXUMR1yItIu2n"
    "OCSdslmlLkEXepZhjA3QF3B9xdV1gcKKKzNwsITDP32u0bBuRPstyLeWg2hBfz0HQIL+/S"
    "9fzraCbPby+uxgv3GcWwn7Al27u7jea05vJO93Z6MrN7GwfPQ1fjfKajRFfjk5e4bxnrcc"
    "yZ1ZIasEIiuiP3bN5+pHsRCBU50I+UQJWGlr8fqT9MNyE93I90v6AOF3ttvopuO/f9EUV0"
    "yTdA17eTSRtaMHQU3LwODHt4s9mSOjmAS0XTnwM7v8fgAOIP9PM4gBV9VPaZAK1o17apgZ"
    "FlPlHeHNHNTa7LK6SbqqIj8h82VoqFVsozeqEZyHnA7jM/2Yhah+hPkwgrjvs6fYHRr636"
    "4ZlJXYHypoYrZHMBWdGRU1dgsgICjUSb9SKBRq7+Zc53JqvBupvEZrmDM5wzo3SWUh5HLl"
    "cj+BhZPsZ7U9HlDWZom1wXY1SsQQ9j+EqnXIxp286Ox0QUXMNMWVjSSYipBpTtLTac7DrM"
    "2YEeTGEAOQkykGpAqp2aoThIqp2GnBgZlqnrWUlFkXf7ebQEDp+rpZxLsML8SlNg+4Pt3w"
    "3l0FErEGz/H3HWi9j+5BB3dowrarEAlb10g7ka++hSnjAVabgYfxkNkCdN48UjgeJhIMqN"
    "dDunL20VckSR3y9n05sb+sLKMrfbcmEo1dd6cMPoZS4GIioC9kTSnnjAisWqwDjfKLqeie"
    "leqjlE39aL6PnZ+3chmPSXPBznV9JkkgWmXP48YQ4g4LHS3WMkfXvQFdvx4/5LzHhauoLp"
    "bqfnW4jZDk/MMjZCQhZmut0zDdW2ISKwbXACedlkRCDUgy8Ka0X14N0LcCQrrHyW32c6Up"
    "iKJgjqrIj1rWVSHVFJAbObyFiiQMblcoi2NLEcba2pzAiRANmpgRcm+d9hfIfx4Tp5rWNj"
    "y+Oh8UNbJcfBmy3bTZN4pJ/rqwlCZRXvaUgkBf8M+Gc6xdQX8c/4B52yVwlcgTtRQSghwu"
    "CAfXxkY7e5Y5kQmfimBZvD93VXwHXTedOgZtcC20u0Ofu5Ek6olkJgNFDPsrDKG1sZF2ww"
    "uvI04FcYXBkJ3tuUDPrbQLwfE9oHOrBMXbLcPrqYpDDIVuin002boSOKeD5DUYA1XorMLd"
    "DEWYpsLyMMmpVt/5PXeujQgdaVYg9iQhrQkJygJsQAVnCZgcusZb4dLpfZaWo9dBXavGIP"
    "LalR0lVos4uUMIHNdqOVhFZAX1oS4sTh3aZkoIj7l+FlijuHsx1MSXc0+JbAtwS+JZF8Sz"
    "6fc4fXRMuXJIP2wiK5lyok2pS1w7pnFwI3lAVs49iSPcm8CRbLX9pLt9nJ1Ps6m15/kr0i"
    "uQP0ZJnGvez5x5bGzYxmNg1jnS+29HTW1Nb1vthnFfMyeUlBMOmBIQGGpGWGEB9DEqtEcC"
    "xHEhtMUHhTSrBNlmbC2mdYm2k+INviZAT11lWCwqeSoAQFmKHdUBcCm6FQgkK0WQ8wEq0E"
    "xaOieSPwTXdvMh3+4rZAMdVvbuOTL9J4Il1MaGGKYMylMb6Wb2bTT7PRfD5A2v4czKpacT"
    "0aXc7l2ejLePSVLCCMV7Zs4UcNP5Wx+6qvV3GHbUe21RLcUlyyFPnRsiySCrmPaL4HX6wy"
    "hBkOWHFG/pbSgr6mHMCyRAFgKI55ml6oEIBYLaS5obI/XJRsZbCuNYsc78cUE2GPACVF2n"
    "PdT1t5brGfYyadOQDMeZvnXN1ZFj24vf1K/m7MOPmz+yhmiENbxdj8V9FWMUDab99ZhoBj"
    "jgDbs83bExyzkGTRHUjB1w2+7lM7Y1veUrOrsHKGq0MQQeNBBIyszGwemqf2FqPmkSBzEP"
    "d20Y72tk2GPhKveThQZ+/OR5Yp4wxRoSeSpD5o+BFntUdJPtLPC1JxjwBl/3StYSqRz4FY"
    "FYhV6YhG7GjUQpFYFc9dUmLSY4ICznlH5rgQLxLRupwGZ1oS7E4w48GMb5k5xGXGK/Gb4Z"
    "HIJu6ZggKc1oNtilqnq3vukEvKt16GNeC/e9gQsN0Hi9kAvcUDRlTqJxtZO8MgQCO3QZON"
    "FNUybRt5hcTtAfKGRYqxQoqu/4XeCdDfb9AL08DIMp/QFlvuSH/tJaatjs9YGppjuy/R+E"
    "VEXtIUnZjsZMjgo/ZxUPbPL3tsqwbMFzBfOqHkBDZfINRetFkvEmrv++bTU54d17qXgPi1"
    "ZPyabhr3mCskMCIBcKbgjHSBIxcMRZdXzL4TVD/lRIYxR8jTU53lz1mwUjWTgyv05hOds4"
    "LmsBWrpfbwVIcNkm6wVDzG/iFGK2g+VDOf1Qboj2ezqmNOhqbxiC3b9VFfYdtW3E2XolBY"
    "j/XzuBQ1IiBvPIlaHKs2Dn3nNiZv01UDjlVgJio84MBGLcNMhLux+P0lKiJSgbTKrjA2Jn"
    "8H4/AsmGIfSre6StrtnFZHo2fg0pDGA6RoS2P+63wxuhog+9l28CbJkWeAH8uG/1AgGf5D"
    "Zi78h2QqPPksh8nAZHdCioi0Gf9KjK06WiHZu3vKubAj7rJzjhJi7cg1op8nTK7RBjsKPf"
    "x5ZiUq044pESr9y78Vc5q7cSmIzMiPzIhYHkeGEEStqzkuGgvcUpAPWrfxVVY+bt1vb3d8"
    "BPYwHEgg1GsNwWYt2AOsQWRdF2QN/HVSf6n636KESyTd9Z/AGwBv0M5dLzBvABENos16kY"
    "iGLhYPdH2pnCq1R6u8f6FlAl3ppXEj3c7dWu8KbW6aVRlQupCuLwny5FXlTjFWplGuFnz1"
    "NQHLF5iovLBE27Zrd7dnWisfU+cHSvx0aaZXOyu4f/NW9mOJQhxCksT3vaHcpSlTcgBtuv"
    "CnsdbueXjIvQSwkNWzkCo2FEszeWnIuNgRhnN3jgmOfDsHK+oDdyhTXAq43dYGh3UWTkhi"
    "bDKJMVCSVbsfIsN2Urkedj/ET5cY0uQ7oOvbyaTHUrgVIL3wRrqxzLWmd9ikPQhy/LSJYT"
    "wjFspsPFwUc/JEQweP8fAwwxcFAT+2WB9NVbnb6Yr1fBxkX8JxboXqWQ5FnOrxIEYqqjwq"
    "+i7Ei41pEO1doJxYbDSBkOVyt4YOaqaXNeq+znOuxvzlNbtUA7bCvyCbtuYOCz5V8Km29M"
    "ToqHetiE813H6pOc9v2xSVE4ZtrKJlk2lp95qh6GlAs+N/ozIQAFwiANg/wDDjoMiLuo4I"
    "AewlYMfftzq5mbD1RzbwCTGAvgT0LlopzIvFRASybQa+92kmXV1JswG6t5TNRrGWxpfpUL"
    "q4nUizXwdob8sujfnNiCriTwNkb7Guk1kiry1+pR0XbeeZdlu8mU2vb6+HY2kxnl4P0NYy"
    "DXJd08IV2IJYCfyILc1hWOZFE3j28q2e1sn0K+2N+bQ0rkaX49urAdrglbbbLI3P40+fB+"
    "hBu39YGsPZeDEeSpMBIrKOpnpH44kTe6ydnrHl2GoueL7BwKO6LI44rm9eFQD2zatMZOlb"
    "jFChNLbZ6YDB85ALyPB1Y4OnMaD/NCCZE5DBx0AkCA7wAOZ6ADd71r1Cb5V4XH4/4UiJr7"
    "I21dyMELMMUjJO22aTknuymKPkpttIGplrpOxjZJGfLtJHpoVoxUv3bWL6mdaKTMRPNop8"
    "FHrhkGGk8U92HynJS0cNH7E0fIfYT/bPA2SS9avoOvq/iD5i7zZ0IPpPleBEP2Z39xf38+"
    "2XaPSdoKE/Bx/3u/8VfqdVPpfG7+GHkwXyO9Js8hUd9EJBw8+j4S8//9UdNfoF195uQ9/w"
    "M316hVVyuyYfefccf9ReGhvt3ovm6yNbIzuSPEAlzA1ZreQHtpFhOuibYT6RdxQHuZMLpU"
    "Lboov7QAIDCQyJNULPepHEmugJwaNbk3K1RmF2o/5ZEtbNhlhV+7tL0ZBjhmg7Yo+FKkrh"
    "X7Jk9yLF6/dKCYtkN1fh//Lp2nLopoQB3Ti6e967HMAsecA4jvFap6XGSgKcEgZ04+jGnC"
    "/lMM4YApBOOsU3Wws/YMMujXTGEIB0Amm8tmQdP2JG1Ee2fygu1WavXUk/0VkBN9FZppfo"
    "LO0kstyR+Wq8RYXgMl35ZVojCsKMdEctOi9JOZiayqfGp5zN0lVBYwM0WT5D45yCXlAMdD"
    "GShp9pjdBIYs6JowZ8EPFKvnvmJFoYopDx2qpqhklM21BDvlrvbHQNVuCiLZin2c61etAl"
    "y9iwGUmEPI7ZAnUlOVsklKsq2cbFXn1JyaM832EWJ15jy61XznCApx/q5/nBg4TJbfh8QX"
    "+4FHRstLHjUM8t9fG67mJ/yL8i1zlrO+6Lmu1Xngq7Qb5MHp8VDcns1hAkggcnN3RqAMdw"
    "hZdKcBGCYxhmvZhjWLPlfQXDRJauaepYMTJ0a1QuMeV3RLCuWQ5faVabXkynk9iMXoyTiR"
    "u3Vxej2YvX7lSShzTv4sEgEHe2Y260P/ldxmnJdjApQlWrgrpKUFepjXBCXaUjrUOuukpQ"
    "7KfKYj8njlFPTEGemR5OUhEb3X24qIFuIGkcWM7URLZNQ3mJ5m4nq+B3YkJbGNkPNBj7r8"
    "g77qlxbaM7THtNI8dESpa5XsMHQAh3CxR/Hyz1H8hmA0v9R5z1Ipa6+zM139khJ8HzAgab"
    "vH5VJCuZPJWdlf8qlZcc/WYpmLMLXCTEBEgAb7q8hX830ZklEbLZkIQYUCGVUyGPpsZq3J"
    "s9JaEATEY9vBRNxHHrnPDMSloSpqfy6VmbKqtxUfashAIwGZVPhmbL+xbRfE6NvVyDTo3A"
    "Nu2sT6NrXqTOAx6Y79xxhilBiDLM5db3eDXHsLcT14MEcGpplW/qG236mlAnJeu9i9dQOZ"
    "FpFQsYK48ZM2BNFMTqdDLEK+UzfAypUvrZLoZI5ubOLuph+Gw+IXPtYMOt4ULOXMvwAvFW"
    "SEFPprVCmkH+5W+ttAOhhDwzuC8SuEqlILgPXAYd0RsdJY/BZfAjznoRl4Grf1Pzne0yCJ"
    "4Hl0ExlwFv784T9Ox8XRe6FVffPHFyV9sWby22bGZK0XG94oSzrPrH5hU1Ftk0xJajrTVV"
    "cZgmR/TtXIND3T9Yf1cgMADAAGinQujoVbCIAWDsNneseNac+JFQoprr4ElTSOOXwfMi1U"
    "rOs8uVnKfqlWi2vSu1p2KCAm6pjmwhhjWV3kP4+1Yjw5WY5bhkBdPcTheBELNMjDTL5m0D"
    "EBMCOwTSf+qEExuWqeu0nBJvkZmkYLO351YCC3lVTeZVeXqyEgYiGEhQWGMnyvGcA0t7pK"
    "eBs7bMKDZUFxXG4TI/SZVZd1mZv+20P3sMLsd9vZ9H4vxBnvizAf7mt8gujlAC0NMZeJ2W"
    "6lyBeR1w7Io260Ucu47m8PWnDAUEdO2eFXLtnuW4ds8gG6zMYVVPNphi226ySqlq8Unh5h"
    "zt7zvQr54qclnXNpojbzRj57CCRTOxZQuXArhl7GXlnUSJdlIcB2+2rDrZ+Ss4KdvcAj5v"
    "//rVbHm7u9M1+wEzTIpDmSYxUUg24Ug2AUa8+lrWrrXJHe4UlYLMnfzMHaAag/VzPNXIWL"
    "sVIDvfj9TJBVsgciy6Ybnrg+8xz75O8CT3UA5R8kYSaDnHFif5pnZGYU1epP7mDyUqVNRW"
    "ujcyurnwgCWFA4mzk2vNFXP3oWE/ufQ6k+n33+0f4vtlxX2Qo2u6n9j1k408UVryjdZvDz"
    "aO287cQL7C6dMO4+jBfEKag54UG20U6xtepbPHqh2amVim7DVXMCIkl4EPoiMquaNsNPgg"
    "fsRZL+KDUMIjqig5vpcoxYu38+bQGDGumpZFzAlO3isiVY7y6g7qFTJeW5N+nqzQqx6Lav"
    "yom0qWCyIlmsB9TWWFAv5yensxGaGb2Wg4no/9ek6hqnLfjAM+G0mTZP0sjFf0cs2jT6Iy"
    "oFH4Ncq9paxKHdsxQYhmb88hnb6b+UYTJ9EclwL2nrVxeCPaY0LA3ccRDQx6TkwTYrBQ81"
    "0iEQblSOZeTCa5n6Dv42rwsGfkjwhjXAHAAhLQSYQTG/gwxJ4WrQBgsWvxxQ6bCvrSVsx9"
    "+5oji/zeK5ZD7HfELVZtzPtv7ge4XLS/UAJl4OdFJ5nnfVdTiIkHPrr9GrqjzCTw0T/irB"
    "fio+P6OTXz+XGXaenmIi/rD22tIviSXKgcVol7mnQwIrCl7l3x0LVQusGYeM2gXdroGrM5"
    "z63e+Fq+mU0/zUbz+QBFxlka89uLq/FiMbocIHt3t9HIwlktjZvR9eX4+pM8G30Zj74O0B"
    "YbKxqJbuFHDT8tjU8zcpUlIh51tjRGf78Zz+gLXmkIb0Hy1rR7VyDv4XVyS0Yq2r1LZj2Q"
    "WbLKac64pICas7uaMn1ArsghoGsGLjHPCVEgf9s8z6F+KrOhE7Iw022ead/r6AZglfJX7i"
    "XBXVnAXemjRqbR1u5YqZiHEY/KlsS81Bn56mVdmWo1Y56REZiDdFYaIKxp5ppWbJs7r2ov"
    "BOElhcNLXO6S19MVioCXC8qLNeg0DHjwChxa3YW0gCMr3J+HnVhQWKwIpAcLixVKnNrnRx"
    "yZNxUGrwoCd9pSrKLn1jwcqLOHf/O5QKGjP8MhGg0EOOARjeW/Hc4ImkbSc/q0wZNprbD1"
    "Ev3uxw37+UW/u7k6vyuqircuJeDtKvKyhd12Ud/wM/nL8KO3Q2KZQdV/xNKwH8wng6YX+S"
    "lHNtoZjqa7z3mCfyGPI2unY/SC/t/+L3pPtW2apPZf5K2X2+efkaLr5pONNCc75yg4/MiR"
    "qUHCETh4O6T3O+rqAwfvjzjrRRy8oQ5OzfmBolAROXDqJipCUSBSeBZz6QaybS4p17u6nS"
    "zGN5ORPPw8HQ9HA7QhYtpWx7L6YGoqXhqL2e1I/ihN5iNvzcnu5y6N+efpbCFL1/Ovo9kA"
    "kRuHFVxVlsZoPpd+HSByoVCekxee03hut5bJjOzNzp7ZS7R5AlubPOOx+CWI/6b5/tdd5f"
    "vNbUYhj/+eT6/ZCEdEkme7pjro30jX7NqAjtyn73Ya0TKG/ZJ+3imu1BSi/CWfXN2J85oO"
    "kJGBKvNn/qYlIV+PX+UkbWOencGShS1S+RbB37e6Yijsa2r2/kiIQdlY7r0BLjXwAZ3aYX"
    "HQBwQOi9bS8JEaZgwSPl7hLJuCT5RUO8y/fzWtb8jGDlqbFlKQqpMRLNPc0LhgIqg/uwW0"
    "zDXSia1J+XNbxYZiaabLltMFh14oaPh5NPyFUuvOA07x79V/xNLYaPeWuwR/fokk5K30FX"
    "IU6558jqN8w5RVt1EEDvSkOQ/kxYFbASx83X3Z3Dn0OyyNB8VGhuk8kG9Ovs3aoQz/ysxi"
    "51MJWOGfRgUgCwtI+vbruo7StUDS/4izXoSkh84kdXcm0egH7tQMbizbxkzKgZHJbWQSMx"
    "2rji1bWDUtmt7FuKXnBcsy5RvsRBC+0tnI2dWuVNLSDvKV2nd2pK8Mmi0Ti0R7ZBwgh5p7"
    "7OWgswdHZ4/AYuJt7pGQA/4sCaxvuNw98yKbFIRKYXFkPZaCE9WYECDaEupcSDQD9oy3tU"
    "9cDFDN7+0TZfqOdEoMo2N187A63OEncV4XaNQenkMVQCx2rbXUkZ1Rby19ilUA7SQcSExw"
    "Yyd3gd5UvhqtQi+YxiO2bNfNMY8MKybOifOnSK3LJl3CHUW1Eo/waXKzunLUxRZlSKwdid"
    "QsStCJsTRr9Z67d6grTEun2Q/atsdwoScf6ef50d37irwJn66lwGfsEmk7uxV176fLegbv"
    "9MGnDD7lLmjKjnoXwaf8I856EZ9yBytP7t0RPMlK0nAx/jIaIE96aYyvg1c0I3htfjuntS"
    "a98pM2LTNJy0kOp1c3k5FblFI1N1s3HqtXbN3UnJj0L1MzSu3YmKCAG7a7GzStl2mwXokp"
    "joiBY7bN8wt+wrq8BZ5xwessiEkBqOAsOK2zIGIiN+Mp6Cq08Y3LSwnWzuC4CzuLuwlW/Q"
    "HWhj5WA12TomUcrKgP0HAFaJmu6IiOGuhAy/yIs16ElnF/puY7O9I/eB4C/YsF+ke/WQrm"
    "7Dj/hBiE+XOH+ev4Eetl6cZQuM3LvCe9HiDp9dKQzsjPs6VxQX6/IL9fkN8vyO9D8vuQ/D"
    "4kvw/PyjCJZ0U2RPZ2SG4GVdkqquYwopHyi39F5Zor/nVeV8mdCkt/QbB9w8H2lNAmOK64"
    "Ds2YkAhFc5rwN7iAyeVtkawxgKRuz3WU4YRQjPudco95cwPiYsCmJktEekQLJ6pxKQA1n6"
    "KOkFlAoOYRqPFldZiZDjZ3BchOIkMJim5CFcbgnRH9PBsPFwWrGMUL4ZSPxIxX3hEE99gS"
    "TUQ5loeKEWEpIl4Q43uaGN9I9DjDRRSPLS9SIUtOxLUfLpYlId9/9pONnmhVK7eiVbSc1M"
    "CtZWWZT2iLreBpt47V/pk+svBWV1S8Qt6XjVXLquEzlgY9tND+z32JFg/YG12z3Z4V+8/0"
    "8l1Q0G64j9RIGgqiLSzoT/KdaGrB0vDbVvfRRnFUt26W2wIj/CJkxG9kkaIXioM25Erifn"
    "fyoTamlbhiVb1QWNTrr0vDcGuCkfPQfcf7qo6N9TV6Uuyg4NfP2X0zlJjaLhRcHWs4Cn48"
    "8OO19JDqqEcH/Hg/4qwX8eOFFypOEz8pBznrydi+zoWth2cw52nVm99eXI0XCy8q3R9jaX"
    "yaSW6gOrlXuFHqs9HidnZNX7Gws6MNp+lrEVkCZuwbnJxNblkH9bZpxe5qwfThp9kyMRlL"
    "eMMCKSjkxuEMg2be2TBX0TxljfGK2v1piLMjR6IyIrgam44b8Y65EidFTBCcjG0+JSL8Fd"
    "9tOSUIPjHW9uH1M8aEwAJh1soLyMRyRfMS0oAxo3qeT8OWqaIXFwV0E9dEj/DmzY+LSQGm"
    "kHPYdEBH3P9xZOSBkD7wfiL2IHU/grTDRtMOc+4NFQDslSm8iQzYSc1btFxh4s5UoCCkf2"
    "RVAHWsbiEuWu6to3jHT/oCOEfvXBWA7TZa248mJsiMe2oBpD3LrDnl3FFwYwZsBqynSQm/"
    "UZ7pcTx6zGiKF3u/nxf0s/WelPFj8c54Eo2BedQINjQSB989mOY35A7QR7ZD1tAK3eE1+Y"
    "k0h0a0kKdVogzwqh/Es9jk6xLIFcNWvGgMxU46ler5lKVBm9/h9Zo2exm4nfC0FRnfW5oG"
    "kUcbv0ee2yzPf9SNt8kOqQm+KH3A/YZ0zSQjaiBsBsJm2nlX7WgARZGwmejOLJrXFZVpc6"
    "Zo8fmNeeLPi6R/nmfnf56nEkBDlccBclRGQJDP3r4tkmT79m12mi19L5HuQwHiwDh4XkB8"
    "370pAO+7N5no0rfi4JKLkG4qjDVMe8lnKIq9SPJU0Mid4d9I1+zaeKHImXy303RHM+yX9G"
    "NPcSxTiPJdtknvbELT0wGSLlsLq1h7LHViJ0QFPLI7ckQX8tuGF/cSM52UBQ99m2fa3Dmq"
    "yVeZJiIi4DFWfVQkucozu9dkhxbtJaAeDXdcUYRd4M3CTkmCMzQ/EXsPWAXM5SI+WifxPZ"
    "ySnVpj7WIxLbzRdpv57i6KQprMZDzWz+U0PQGaxRhK1F/3Evg94PdaeucQl9+DtDjRZp1h"
    "SKTS4ra6wrgDFEveCmTbbE30bmajq/HtlXw1vV58nvw6QMGRtjEN50F/XhrBE7+OpFn0gW"
    "esWPpz0pl2Gluke1l2JaYq2RhmKF0PRxO32wv9s/S2pMupO8uilPsWW5q5kgm6Fv9JmTGG"
    "gNqzu9oyfUgmpg0bjAsp18T7I8C0t3vaXf1DLji5E5+bQpk1BORTcuRTBudAGdMkLgrsdg"
    "f2Gz8DmxKEDE9+JhYiPRqI9AgAi1FrnJEfeWOIsPAbCATZ2dzJmBGRZrnFbrgZsglwpgPi"
    "yPqGQjofGBUO4ys2jdnUwAuT/K/mVKA2LNKDvprIBi3QfOwov0t0+TH8LYnVme1nSW6Iqr"
    "vAx47n4NRI+LTSdQuDpRZtPdZHv5F52Vm2u7p8ZgkKGYLHpq33uG5y9+Cx+RFnvYjHhla6"
    "LesICGTbbKH1htPb2Xwk39zSW/t8RHu90+NG3u4s9UGx3e7wF/PhbHyzGE+v3VJ8sWiG0z"
    "sITuZUa+Z+K4hPTdmYO1Ze/SVWtY2iszXnXiipNT2pl750e/ZTFVeTy9FwfCVNXrx+1T9L"
    "kLQB9G9Snf08T4fKaGaWzWhEZdqspMrSSEVYpGwSqfte4d4WG0E3Ai6NM7q+HF9/IorEk1"
    "8aw+nVzWTk1lNVzc3WLdW+ND5KY9dhvFY03au7+vH2+tIrukqu+au2uJCBYm2SYj0UWlyA"
    "YT0YY9ymA7pNBOsGOwq1W9OoZ2eDRWUgHSzfv1MiHSzUl2X4goQs+FHbYyqmGQLvGCwxzT"
    "FBmOM2z3FwsSmV3BkThXlu8zz7LAgfoR4TgqyoVNuDfM97Tp3Igw73Hx7d9njWOwtnTgof"
    "2wsMJSE5PcFpBVsBqMNwoE7u+4Ooxg6VjPapWXq2AngzkhjFxJpx0HAnnibKCx0ZcZMsiC"
    "cG7rU2FZVsGzsfg74jjDiR+AP9A61FsSNHm5hUHSsSHC3uJ0HtPYj06MiloKM+f4j0+BFn"
    "vUikB+1T7LnK4jM+3yi6PjayitCEUonZ1jpZWZ98X/LjL+dn79996NPS4z3qKnr/7n3ORM"
    "+vpMmEkT1kbti9CnLySfYiUNKHO5HEu6twd5DC0H8jdhsATgU4lfZYpFycimdDHI/ppwBL"
    "KRhQUHSj6q9A8kJjBaaGpuGQg3D4sDOYFmzs/X6eAat6T8oqfbSWZIcNWRaW5sXgEQ2gua"
    "OAHQt2bDdURUctmkI15IPdmJrzTHMmKiKSQXP2+s37Nx/O370JrZrwlTzTJm3VCJ8P8Hkk"
    "ebGfD2RfuLGfN9JM+jSTbj4P0FaxlHtL2T4sjcl4vhiEkWGnj/H0Dzo+czMUafOUtNbgfD"
    "LJPUdlh/Vnapi4EOgYho7RFeN+Ry6GbD3DhjUqI16s7IcC2uJDprL4kIrk3202isVIlcjW"
    "FRERoKa4NYVFDKvH4ExMGKe6qWQW+I5IJVBfU7G6cH/18lXzwF9Oby8mI3QzGw3H87EfiB"
    "xeJ9036Uv7XKDZSJokw799W4yTtUqIAXOVz1xFLd4jmZa5s1s9X0XG6ya+B4mWxArj5VoS"
    "FNeRMRXc9FbLzsaTRFUkQGOQUmlYs2mpEHB5P6F1RVbY5s5SsfwNPzOKbkT3srtMoLgGUF"
    "UtVbYCU1UQciHarBcJuXCnKTXfxci0QLbNzE3v40Safx5KM5ojrSv2g0qO4aVBDKR/0EIb"
    "uvknXhp/ux3/Q/7bLcHSra/hNsYmX8qmY9DiG1dX0uxXWncjNEBbTLZlZ5lmk22QZHp8kq"
    "l3xym7l/bSDXIb0ZsXz566IoprNpYmAxSMsDRGfx/NiNVMNhX5PEvVaNma4XRGTGlvU6mm"
    "ZeGwMNzp90/kSsqcsgwOKibVZsVXkuZ7fVaE6CNPZUN9liL7fERMruoPMSEBCL/6m9Ba5F"
    "9kOzJM87w+tFEpOBYqPxb+2Cm65jCUTA7rGpEBzrUA57rS1mtNJd+YAXN+7HBcsjlX2Nu6"
    "lEx1wcMdrLXk9dHhvc0ku/DQPU9eIAaDYqkPtBd0O24sbvwYbzp8RAbytVvmqRESVYjYho"
    "jtU7u6uCK2T+hKbKcCqMaTmDq5KsA3GXMtJrzRM/uI1PdoxnR5R20qUVsQlRFbn+RlbFXS"
    "nWO8H0lUsCz8qOEnmfLoR4I1c0cakqdFwqrOCIDo8mK4/xOrL9v3b9ODSk4u+1pbnP/Ws7"
    "Ft+98s2l8DnP3g7G/nFu+o27eIs1/4HArpev51NBsgxbCfsLU0voxHXweInjdLY/7L+GaA"
    "7G/atgyxU3EgtPcF03ORHQe9lxAhyrzpOGjfD8m4ueQ2s91Lletf2x3UK+xeS/TVlnwuuR"
    "eQA0DeMK6L2UU9GKKl6PmWAV91ogoZfq2tMG9cf1yspJOpZdDW7GSC2h5VV6P17AHeQrQx"
    "KQA1ny+O2FxVcJvz/XDdRPdw+cnY8oJ6H5UD3NZ6HxEyisGsxKmqbGIlSY5BqUqgUoBKEZ"
    "pKgbwJ0Wa9SN4EjW9imFzZgZahwFExlt0xuWoJptzSdqhs3jIjvDUQaDAKzcBPdZ1bdYeY"
    "rciFg1+P7aUE1GHd1Vnpo4rooDuNOxo5JgVUUQGqyMJbPq5zW57fLBfpXZd+qrwMz5YY5B"
    "xQ7gUAzDSYtiN7Bmqp6ypLHjqotVnfA2UNwc1tgxOCm5sMbgZ6WhB6Oh5azmCoU7Hnh6L/"
    "gijuJkL/gp0NcX9AVrdfV3SUtgSy+kec9SJktaM5OhdtGgq0OcazJGt69upVAdqUPJXJm7"
    "rvJYjTyDdL4ZwdypkQE6DKRdPhnH5BFhcy5gIvWnonHKLBSXDIwuCcCBdFssWJ5NK4nU0G"
    "aGfp5F83k6l0SX7Z6qZSKl+96vrOHqjky/HonbiUCOHNKd1TUPnkap+U+gkWUlG9EzwvhH"
    "pvWuVAbfjaa8Pf/QurjqyQGxmX9kjICXCcJhy+hbTH6xzl8ZqhO5R7hodFsizlOUN5+AIJ"
    "eJuuEkU/7xQ2N1USv/2zTRWI2qYbqqtB1Kn2Jl3xA3awsNPWMlUamO21+eW5Lt/MpsPRfO"
    "62U9qPsjRmI+ny1wGiNv/z0vgojSe04NNa0fS2lHui32VnYZl8RZvPqkxLinDlaPqa56+W"
    "UmRZUhbc5O1hx9KkqOfkKTPPcUmY5TbPMvjuwXd/au/yQd99kcJO+z7CcbB5Su9wVtLqCt"
    "7p2AfoU3QYKD/n8UioOBNEuwJU7UEdAWRZMR0RSA+FdEQnsqGIDqLQLYjogIiOdp8XHfXt"
    "Q0THjzjrRSI66BFQlsELZNvs/OvNF7eUn3PPNcrWefW7vOwDr2GT16epDFdXtbuqe3xqNY"
    "Xyh9Orm8loQYlT1dxsXSqkHdyp5uANsbO4OqFEZdrRB+VUHq562mPtL4qc51RcUsBzqrvn"
    "Uvo6ggmEZSY5Kgc8aptn2DEdWvo9t2R2pm+WLQw+2nRZP7feJLfvOyUH0Kahda8qtMjXFl"
    "sqNhxmLFd+1EbmIMLgXUX4xgMmJ7ctE+XjmBZmkEC5NVcZ0uVqr5aCN3yls9VXob8RpAC3"
    "Ek5wIzaZAgz9jWrpb1TEUwt9ZU7oXJthchleeV+LUc8zeLOfX87Tf+xUSdJ99FtP1RXbtk"
    "xzk3wT/G3gb2vnhu+o5wX8bT/irBfxt0EGdd0Z1I651VQuhAMB4dK8asH3JFmL7V7H4Af2"
    "0sXxinNd97x081GYcI5XSyMr02Yxk67nw9n4gj5O5sKgI91RidEXaXIruf5j/KjoO/rXQS"
    "5Ohyzp5lKusWIRfGR7i5VvLIYoR4elRUWYgSYSg/29uuUrLRCTEgHqphf7HkF5bVoblqFR"
    "7EhhDtTiGendTKTxNTk9dIL90vg6uviyWAzQE757dJylMZ+RX2zLKXMkVHzUb/BKU+RvmJ"
    "Htna2JYkItnoaSOui8kA46z9FB52kdtKHd/1yQeICOCokHdC3K3tb+xPLds8Oqtn2h3Wc6"
    "wuNyApUv+N9nZ+fn789enb/78PbN+/dvP7wKveHpt/J84xfjT9Q3G5uKtLN2tbNcF4BsY/"
    "J9WJGLORX6WcJQqL9AoX7I8f5RotYUYo3eGxtslKiHHheEgIhEPFXgnuIENikHuCYCTXxm"
    "hZyuvPEmKUnAFoJ4IIinXVEmXEE8kS3dHLLt3PqHgU2pvxi+5Gug69vJpMc+xSqAdxgdS0"
    "yMk4d3AYT3F6kKIJZig4mJcermmQFykUg0G9/TgY6MQgujpubecAJp51TZwaqg+mp6PaNF"
    "wamRkL1gfeVF7kXWYIEAPjm6A6ruym1FownJXUlzh4Hu3BCu143N3tHArSLheuFuTM15Jq"
    "UdFWkunat+Rru6ArL8Xvhjve+tg7QBjwxNe5c3PNm1URGBXDGVLVxsrPgA3QsAnGk4oetE"
    "g1Eh5OPX2gr7VnFh12BcDJyCBZyCmi37QWMMEzAvYTkuCLnKHLnKezuNzxhKygE1n0/Nxy"
    "zVIzm4WA5dN8E9yMEl19cRVXu9yhwV1Fn1iIxhOJ5A8DfDLrmUXB61FHB2RXilkCs8SCr1"
    "Fg8YPZqqcrfTFesZke+pP9uaPUCmgZFlPqEtthAdD73Q8Waj/IwcIuEfKWhn49XLXgLeqs"
    "Y8TGvRMYDSAkqrIxpGYErryddORbmX4HkhzK4GiBf+mluN19rqEEnwp7Zdc1msgQDYqgVs"
    "1bWFyZ9pqM/ynWJwaYW0pIj6ofrKsjbR1I/UMOItZ5aQBHoA6AGgB9oNbu30QJ3mbponYH"
    "UYYZEJOW1GvMflBJlx2PSV0F4EmWukBCboTzbyBx2g313/1e//9Ts2Vr8jxcJIJccXGZdY"
    "quZ6Tbv5IDIXJtK8MI6YIVz5JywN6q9AL6i9bD8oW0xHJSviEVu2S9GQgX/fA/f7z1mGNN"
    "jMYDN3QusJbDOblnavGawiiNnuyqiMEHfj5l2WrnJk3ZSzUY8JAewlYMfftzq5FLCjnrKB"
    "T4gJUFWp8cINnHnqR6Wot22V121425hcvDSHq+JCVAZALgIyvR5zUJ/h80B9ssPNOLDETB"
    "YOkOxF7E4+EykuBdxPPvdj7/MpqmJ+xEsT6icIoPgSaxP9I5GTT33oMTgf/51+HtGj7J+p"
    "s+g1FxeSqTmZ+5uhOP0JPI4Dab3WzKY+KHPFNAqyb1AREQEvUGdv3xa4QZGnsgut0vfiZx"
    "XdVBwI+48LiG5Nznm3cX0a4ezGjhGR5vs6nuYWUFkHx9R9ocnD7D//H1TF+IA="
)
