"""Assessment: quizzes, questions, attempts, answers; certificates gain an expiry."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "quizzes" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "passing_score" SMALLINT NOT NULL,
    "time_limit_minutes" INT,
    "max_attempts" SMALLINT NOT NULL,
    "is_published" BOOL NOT NULL,
    "course_id" UUID NOT NULL REFERENCES "courses" ("id") ON DELETE CASCADE,
    "section_id" UUID REFERENCES "sections" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_quizzes_course__05763e" ON "quizzes" ("course_id", "created_at");
        CREATE TABLE IF NOT EXISTS "quiz_attempts" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "attempt_number" SMALLINT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "deadline_at" TIMESTAMPTZ,
    "submitted_at" TIMESTAMPTZ,
    "points_earned" DOUBLE PRECISION,
    "points_possible" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION,
    "passed" BOOL,
    "quiz_id" UUID NOT NULL REFERENCES "quizzes" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_quiz_attemp_quiz_id_b3d05d" UNIQUE ("quiz_id", "user_id", "attempt_number")
);
CREATE INDEX IF NOT EXISTS "idx_quiz_attemp_user_id_ae1b47" ON "quiz_attempts" ("user_id", "created_at");
COMMENT ON COLUMN "quiz_attempts"."status" IS 'IN_PROGRESS: in_progress\nSUBMITTED: submitted\nPENDING_REVIEW: pending_review\nGRADED: graded\nEXPIRED: expired';
        CREATE TABLE IF NOT EXISTS "quiz_questions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "position" SMALLINT NOT NULL,
    "type" VARCHAR(16) NOT NULL,
    "prompt" TEXT NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "options" JSONB NOT NULL,
    "correct_answer" TEXT,
    "accepted_answers" JSONB NOT NULL,
    "explanation" TEXT NOT NULL,
    "quiz_id" UUID NOT NULL REFERENCES "quizzes" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_quiz_questi_quiz_id_ed67c6" UNIQUE ("quiz_id", "position")
);
COMMENT ON COLUMN "quiz_questions"."type" IS 'MULTIPLE_CHOICE: multiple_choice\nTRUE_FALSE: true_false\nSHORT_ANSWER: short_answer\nESSAY: essay';
COMMENT ON TABLE "quiz_questions" IS 'One question, in order. `correct_answer` and `accepted_answers` are the key: never';
        CREATE TABLE IF NOT EXISTS "quiz_answers" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "answer" TEXT,
    "correct" BOOL,
    "points_awarded" DOUBLE PRECISION,
    "feedback" TEXT,
    "graded_at" TIMESTAMPTZ,
    "attempt_id" UUID NOT NULL REFERENCES "quiz_attempts" ("id") ON DELETE CASCADE,
    "grader_id" UUID REFERENCES "users" ("id") ON DELETE SET NULL,
    "question_id" UUID NOT NULL REFERENCES "quiz_questions" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_quiz_answer_attempt_a171fb" UNIQUE ("attempt_id", "question_id")
);
COMMENT ON TABLE "quiz_answers" IS 'The learner''s answer to one question of an attempt, and how it was marked.';
        ALTER TABLE "certificates" ADD "expires_at" TIMESTAMPTZ;
        -- One attempt in progress per learner and quiz: a second concurrent start fails here.
        CREATE UNIQUE INDEX IF NOT EXISTS "quiz_attempts_one_in_progress"
            ON "quiz_attempts" ("quiz_id", "user_id") WHERE "status" = 'in_progress';
        CREATE INDEX IF NOT EXISTS "quiz_answers_question_idx" ON "quiz_answers" ("question_id");
        CREATE INDEX IF NOT EXISTS "quiz_questions_quiz_idx" ON "quiz_questions" ("quiz_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "certificates" DROP COLUMN "expires_at";
        DROP TABLE IF EXISTS "quiz_answers";
        DROP TABLE IF EXISTS "quiz_attempts";
        DROP TABLE IF EXISTS "quiz_questions";
        DROP TABLE IF EXISTS "quizzes";"""


MODELS_STATE = (
    "eJztfWtz20iW5V/J4H5oV4TKo4ft8rJ3NwKiYJtTlKgmKbtqih3oJJmUMAYBFh6S5Z7675"
    "sJ4o0EiAQBCoDvh3JJQN4kdW6+7rmP/HdvY6yIZr2WHPthZnwleq+P/t3T8YbQH9IvT1AP"
    "b7fhK/bAxgvNbY1pM8Vm7dzneGHZJl7a9NUaaxahj1bEWprq1lYN9jk9SUfGFv/pELQg2C"
    "QmcoX/jgxde0b2A0HTT9LP52/fIWPt/uq+RqqFLNswyeo1+5SVsaQfo+r3VXXo6CrtgP4d"
    "94Q2MWm3f/yTPlb1FflGLP/X7VdlrRJtFYNLXbEO3OeK/bx1n93dDa8+uC3Zl10oS0NzNn"
    "rYevtsPxh60Nxx1NVrJsPe3ROdmNgmqwiEuqNpHuD+o903pg9s0yHBV12FD1ZkjR2NKaL3"
    "f9aOvmT4I/eT2D9v/p/31SLNFOVmPFOm8kxReim9sa+QQN57tDR0pnNVtxlQ//5r128IiP"
    "u0xz5g8EmavLp495MLgWHZ96b70oWr95criG28E3VBD1FemoRhomA7jfYVfWOrG8JHPC6Z"
    "QH7lib72fyijAf9BqIJw6Pvg+vDVAHiP/oGrMR3snu5zFDAbXsvTmXR9yz5uY1l/ai5+0k"
    "xmb87dp8+Jp692+jLorN7N+KAT9GU4+4TYr+i/xjdyUqtBu9l/9dh3oiuFoejGk4JXkWHq"
    "P/VRoy1DrbtTVXnA1kNa64MHbPI1HpdKaJwiV88sq1PDG/xN0Yh+bz/QX9+9ydHwZ2nizr"
    "J3bxJau/HenLuv/orBTL5tVaq0EpMrLtnBydWSyeRjkjubNGzZimOVWkWTshWo2ptBoOnq"
    "NW2SR7oGltFzXBK03GQt0+loKpjiz9Fy9u4Ylyq1OzZMp/Ht8fzt2wL7I22VuUG67/5KQy"
    "120o+IVHncb+782XO6ZwbU+iv3cM+gSkP7gVpn6r3+K3l2AR7S74H1JeEA6lmsd1437YQ0"
    "fBrOMBM/BRZndEDRv53+xcTeTXVpOpCu5J6L8AIvvz5hc6XEoGZvjHMj8SRom361Od8kn2"
    "CdLhor769g39lDfUSNbp3+fbemsVZdgFNUQrLJSR6hoHmNle2udTFaIRttMO0bMPlPwLQH"
    "0z6+o25XJbUelwStN0XrnDOr9+0jhA426TKsaFi/d+h2IsTqpEW7d3g9e1fg7HqWVGB4dG"
    "Wv4idXdxddqkRfPtOPeSQaH3NZdzapY1YMf25H1ZBrRVTQk84EtzUq0UfS2VyXzun/z+f6"
    "Jf39kv5+SX+/pL8P6O8D+vuA/j44T/oVCtkaRSyNbDsjqavg6HNv4N2pKK6o/5yObzLomZ"
    "Rkcl1Ulzb6H6Spll2bhsKzyMJRNVvVrdfs817iOMKQii2JPuqvrqXfkgoZjMaXybWOdXCZ"
    "mkpkTUw6AYiQbhJizVAM+9jOKOaJkK/aszv2lQfDMTnq+aAZ2Obrhyud0NKaideln4vXp8"
    "dXxNX47nIko9uJPBhOh55SgqOC+5I9og/UnZk5kaURd0KY9CxGzTSLwrVRdcfmzY7pBmva"
    "UM/QQF4/CUWoem1qOKtLC/Tb0v/9fHH+y7v3J2ytZjqnv/ySo57ptTQaDW9mjeWhXtQhVi"
    "ELJUKa7GOsxjqZGfSfmvmqJkBfMVt1EAM1ZqEq0nJpOO63SdFPsfcnedyT4Uaz4F3TGoin"
    "P9gp+lFd7fTu/6z4WP0TiCkgpoCiAGIKtH5sYiq6LhdlpGJr+dGIkKNxURdF2I2LbHrjIs"
    "VvpDa8EmAr2efZLoBei/eaHmioXaWUi6bjCnePee10VF3DkG/vvpERhNMIi7y5SoXIkCbZ"
    "2keLDBk79sL4dk13D3zPjQuJNzjJtczdpspm17Zgqsk1VjVkkqVhrsgKLXbZICvmuzK2G6"
    "LbaEMbEBOpFF96smUJIgtCFYIs+jKdaHJ4dxCL0oDl5gRM/h/I+CuWZiJyIN617qDtcXF+"
    "WsjiO80x+U6Tp2DLWfw3WQpFKEdEOohyLRbewlg9pyGekW8ZHje/fSfwzVuJ5N9msUUo5W"
    "4OFqLR+Oaj3zzpgz7Qb1Tdkco9yHJOUv4BN/sAxc6IEEoLxxc4vnTu+AIei65pvYjHgjBr"
    "U+RYFQh0LiO6loMr2zDdnwUgjspUQpE3COQ3RTB+kw3xmxTCK9XaavhZEUU5KdeJQ2wiDv"
    "y0CNq0VXYk+GkK7y22rCeDHkFFXUApwe65f2qxykxDyxjY+8PtfdkjRthbtrPy0oJFwuyn"
    "s7sr+WbWR578XJ/J0uCTPKEqJ3hJDYW5Ll1dD2/6CK82qp7kVV8mLwI/0kO0qTim0B4al+"
    "reNKCrRsGFJ3flSS097Pj43dDFEn4iMkecBXezQV1GX90eZx3b6iMplV3FEe3g6K58FVnR"
    "I/Wz8m3rZg+k8c4Pe08JHy/W/bwFse6Wswi+gmKrWbFZ+7dSbkdHXFHWJiGim+qHiSzTzq"
    "jkXL+dyNfDu+s+2ppkozqbuU63W3lyOxlOaRu64xJza6oWacbG6pqZyiMxVdplGVKC2wEE"
    "wTSHikgzUG51KM24V/WypaWiwqDrJutatRS8ZIeFtJ4vDWq0YD2D04/KJVS8oIJ1Lb8+Y3"
    "JctV6Ox6OYRi+HSc/S3fWlTNdWV5Vhml16H9zF85RZSeOSMK2aNq0EnIoRwzVecDcxAz3h"
    "D79OiIZdPNOa5xX4bRlblhUZF5s46Wyu8mAlc8i6iNfuyLXEu3NyBSPsc6TDTo80NtBYLW"
    "nazDEtXgK0CGwDt5PWLsd7oGJnANV+VsgjOXhWSl5n8iPp7rTc0QQebuqhg+uK9ebj1lXI"
    "iG4amrY5fIDJQUedheobMZeqRegh0Sab7cGAed1Ju966itoDwaZdyRL2ifXU6fXLq+mxNQ"
    "12Xj4QrpHb2W2kry5ChpcPKh1cFSxgLDBQCnvrKmD0LT29WrujKz2AWfT/B5/Cwi6nux67"
    "ip7nplVyC1yJYDfbdXgb9NdV5JaOZRsbxQOwKtSCKrkdPP8viWnvjMKDzaSwp64Or3sTr6"
    "hV+aejflewbj0dPMT+QXuS3I46Orx2UFVylHWx6t4xVig9gVObchsuT3xs/SpYRQ5zqbrg"
    "HRyS9BXBX6vAix3mpkFvHYFKMAMmzSly0mG4xGN2bkwG8bk/wVhmrmoUFUdYXyE/XhJRG4"
    "XYfcTCJsnqBLl1HShIJ8ii/2oEORZJpxlX1Slk6xzD0QTZOpC3IZSts3VM2mPpuOCIeJPj"
    "3nvytTQcKZ/lyfDDcCDNhuObPopG9uxWtrl+K02nX8aTK2Ui0676wTKnuMtccnEsEtJUfd"
    "0quIbwRyuY1LT1sCXrX6EAopI3EMLlg+3RL1TEOuzUCBWxBK3Ik3ZUxIr5FJZEx6Zq9Dj2"
    "K7fdSZ4JG3eAeCJQ7wEsSLAgO2dBQr2Hrmmdc65K0ciiWfIdzo4/L5Skep6To3qeTlGNfr"
    "MUzNmVtBJiR0wre4GtqrJyWonYDZvCKwJ6RKQTw/vYkK/U9Vpd0j+BUzRuT85qTPKIlzPV"
    "tbBUl6+6JGsz74rFjKEckzri8nEpep9i2cW6yFJd/I5EVhdDccu/sDK7puOe4Dme/uzFI7"
    "sHWLyFV5Kv5FnZPpiYm/SQfSdiQqwZdyJ26rJK8og1Z0cH0K9rE1PFIgrKEG+Gojp1eSX5"
    "tiVLZpStHHMHeMlbFHM7gmsUIYdZdLhXmMPs5QCIsYIxoQPIwfb4esq7BXZYVeAYGAUdtR"
    "LVvZ6B2KCK+QboN0A3d6NRnnMgEtX3gkkGLYFeLNRU2JXiJslynSd++myeuyTI0wX/CPhH"
    "wD/SFqYc/CM/otaL+EcszbkXId789p0LzDsrVA37LKca9lm6Grat2lm1bDOiH32BThD04H"
    "/qLoXJEgjvDZPjCikWkR2VPyL8blkQQR30Lu+mwxt5Ou2jhWOpOrU45rrEIqKuh4M+wku8"
    "Iht1OdevpOHo9z5yP2OuzybSZ3nE1jT8SLS5Lv8mXSu3E/m2j8g3vGF5w9temZWq8uKTrj"
    "fFqzEt5IHxZI6oP6md/pcdWvibOMI7mWMifN5KhFVL2ToLTWXpXeL8ZEz0iBRl8KS1HGWA"
    "XAnDISkLEerNsRTSBuKa2vaOKTy7omIwswRmlo3vhbzDfvtmeBs75RbemuqSKHjj17FMLH"
    "JkqW6wlrHGJUST2tnJvvb6qEtDdXkXcxRxJQ+G19Lo1dnpyXlirEfvPeIBvXRMVv8mw7bI"
    "wzkqeczbL6ZXxzk0XRRJ0szO0Uwdmjb4noje5hIT6t51F28L0RRvc2iKtzyaAqpRd/+EtC"
    "toK+ivjwmBvz4+b9amsQmu1xEElicLeZKpJP2y8KYlAdz8aJPYgExDLR50EumqnfjujTvh"
    "zeFY+MmELtqT4WDWyxrVgHMRnNOTuQDKu52rAoALplU3c4fbi21sgz8odioral8kdmq666"
    "VDYzkeFww1zKGmaE0VMr8fihOrjdklgOqMVPRL4vc4sYrBu5O8aEW/Rj/EK0K8IsQrtipy"
    "DeIVf0StF4lXdNWU0nexkCNftsmxdb3ZRLqZjrzSj1SnuqV5NR+v70az4e1IVgafxsOB3E"
    "cb2qG61YiyfDDUJZnro+F0Jt8Mbz72XXcfYVWi5/r0VpZ+dR9aW4K/us++TIYz99GTqdru"
    "kw/D0Ui5HEk3v9I/RNU0ZUENQrdisnicX6Ewv5wov7RXyPDKiReN7wslmqzs5gb3GaZJ7U"
    "Sver4I8GlJiK0Uhh8vl2Tr7lBZtxdkRwHwZCEiIF9F5fKP6foY2HtFp0dCrAve02NPjgeV"
    "F4ORDbnfHrCGijcHHKmrS6MnFjUrXAPEIvRTVuIlC3gdHA/iCyhVAKUKkoBvyErFgh7kqA"
    "wEPuS6jl2oKvC0XbN+JMu7I6CVwO71t0WH1QHuNmNbgbfNZ6rH2y473bzqEJqqf63kotIo"
    "v99FvF70Nu+WzOo4YHDL8st74sb+1830x4Wr3H6vnBJZX6t1zv0RfIa3z6puL/8Epx047V"
    "oxy1vqvinitOOXLM6ph9ClesVHyDOg9qvHwIsbvhFByNMTyYD1d5gU4pkMTlTkeMRNnUN7"
    "R92cn7355c37i3dvAv4meJJH4nA4Mv+UILYZJ8QgIB1YmmOyNNFz54FETQdN4JMET5OYrP"
    "wbp1KjF0iw+kmwOq3JIJmCY0dGEy2yLUg/UQHiOsFEBBOxcybiks54ERPRb9+9ioSV1/mC"
    "y7BqvIeZRfU8EkUc45gYQF0A6rWG70WrVkRluhAKdBwyCYIo6maSUuZkEd+0V4hdYenRh/"
    "nEwrLvLVtjiqU4ejjZBqB0PIehdxkGz8ALrsnIMe/cNrX4BelDG3yCYPC1cCJ32OCDRL6u"
    "ad3HKDeRD0rjQ2n8+A72AptVLVkT4BCu3iFsLP6buDalUDJcXArS4PKHeok0uEdjiReOhn"
    "n3QGSrJS7VDLV06nbUexNvNthU1sbS4UyY7E02Jdg9quyi0F57kbPXXqT32m9bxSTMchZY"
    "82My3blptroYoCDNrezVvrwOjgf023pxriJNDvI7IfewnbR5jEDQVVswqC0iAkGC+UFtPm"
    "l6YNDVnddNOyHdG28VGVD8QLYibh1rSXRsqkaV1yN7Xbbv1FbIwRPEEELuYUHEtiYxyZ+O"
    "atHltDrUbiO9dhW5FdkS+vV0G2CDZNdjrGmQ9Sq0rhnsTFPRtAz76gpW9Tv88yr2pvfWfQ"
    "EAilj53t6IrckoEEK2gbxIghOk6sgwV8REr7AeNEEb/IwWBJnEscgKLZ6RRVcoE2u+3E+v"
    "ewnIa/sQbrSCFgRLhPEKJyj6PMg3gTgGiGNox/rUUo92kTgGcPtBHmiDKR5OwR4xUGNCAG"
    "k+axZu0gfyZmHIZDth3cucxYbV/iRQyLEVAbdQju0LJYKmGZBMwyHJk+w1HqIsVy2hxJHD"
    "efS7wUEcDuLtWEE6fBCH003lB8aY10AMWI4owAuHxxc5PG4T5wiANx9eztxt0hEyUsiFc3"
    "SMl3nJPjLuSqVg1hBKisCBEA6EnTsQfqWQpvVd7NIwX7bJWUc96e5qOO4j7KxUY64Pr6WP"
    "ch+pG7pqzvXPwyuZvntUV8RIOrSKxEu/LxAt/T4zVvp9MlJasGzDIRUbGjfD4uVdTgsFor"
    "Nm2SVeTtOh6GvD3PCWt5zSGIFE96L9qy+i86eDNZUXMJ0NcEQEEN6P8Mox3TCN7PtxPmgG"
    "zgpM5wgnQF8z6fbBngPz1fjuciSj24k8GE6HXkJRsAO7L9mjMIh6IkujBOqW+p0oi2f+Ze"
    "DqfaYPMy5XyovZMKA9J+b/Pj+/uPjl/PTi3fu3b3755e3708CbmX6V59a8HH5kns3Y+Ofc"
    "oEOPjTvcBFaWmFAH15aiW2TeDvlT2So7sQikwwPw2qeMQoF3L3NPTluQqpP+mJJl1o0c/q"
    "uTPOLD2jWqxT+2DComQbEdoELaZqh1lwqBYjtd07qPERTbKXiohGI7rO8X2Kyg2E5d47vi"
    "qNslWZt0vjwSIao2LnXEoSyd1TWYEwtHkWUje9FILhm7I7JgNEVMCOIo8uMoQiPkQEd/5+"
    "q/niQc/bFhVT6BnWXBH8gEdKxOQMJ1oH7/fiid9A/aCRAkhQgSdyxx2BF/jGVTI8FArpoX"
    "sUJiBogRIEZatsq11EQGYuRH1DoQI0CMADECxEiVxIihGaYQJ+ILHHEA/6+37weD0/PjcC"
    "LVR/+o9PNEL3eKynQvCqKWy508Q0SQfopLAf+Uzz9FjL0DCaiIP7+dwO5loOIjqzwFFbk+"
    "qDzH0rnEnlppFmn5oJJHsiE6l22Jvj7JI11w2BAScYBkAZKlVeY2kCw/otaLkCxwo3ONlw"
    "7Djc7AXnWQvQIW4CgsAEuRcim/nMyT/Tmy6V6avL70RvJ0Or5RBuO7m1nfK8RK/xpHt+f6"
    "dDaRpV+VK+n3aR/Rr03wV2WFn625/tutMhvPpFEffdtSw8LG2ly/lScf5MFM2fVIJbbEXF"
    "NDVvGs0Lk+GN98lidTaTak7+lHXt+O5Jl81UfLSJF+i376ZsvM3RWTuJtM5XhTNzgjaNMr"
    "MXouigQvXWRHL12kwpfsB3pCeDA0kSuPYjLAMHMY5hZdJNWWe6TgPp6mXmNPsEnhOzRgzC"
    "JmgmJq2RryQqRd9CYFLm2XuGohj7hLXfEA3B1wd8DdtYXFgSI6oVlAYZq4x27PMKB/kuke"
    "zAOzITiYB6ZDcHiXbqZf5Ikyvbu8Hs7cNli3noipWM5io9qNObyzuZ1WZvaNvX57uKs3n+"
    "kocVfvi5e4bxjrccie1ZAasJ1E1KHnbNFbNkMRCBXZc8smhSoNrfgtm1437YR0/y2b4YDa"
    "X+z1+FV0mznvDyiiS78BurkbjZpwBUNLwc27gSGEN5stqZMDuMKq9uzb+T0OBxBvcJLHAa"
    "xYU8VjAtSit7aNdYJM44nx5ohNbnpcXiHNWGIN0f+IvsImWuFn9ErVkf1A3DZ/sxCzDtF3"
    "gwpj233OHnDua6u+e25Sl794M8MVsrmArGjJrtthsgICjbqm9SKBRu76y9V3JqvBO5vEtN"
    "xCDedolGkp5XEUcjWCj5HnY7w3sKZsCGe1yXUxRsWO6GEMnrTKxZi27ax4TETBMcyVhSGd"
    "hJitgIq1ZffdZ9Zhzg704AoDyEmQgVQDUu2lGYq9pNrLkBOybhqalpVUFHl7kkdLkKBdLe"
    "Vc/BHmVZoC2x9s/3YsDi21AsH2/xG1XsT2p5u47XCOqMUCVELpI+ZqhNGlImEq0mA2/Cz3"
    "0U6axYtHAsWDQJRb6W7KHm0x3aLo71eT8e0te7Ayje22XBhK9bUe3DB6RYiBiIqAPZG0Jx"
    "4INnkVGKcbrGmZmIZSx0P0bb2IXpz/8i4Ak/2Sh+P0WhqNssBUyu8n3A46uK20dxtJnx40"
    "bNle3H8JjaelK1B3Mz3fndB2sGOWsRESsqDpZmsaqm1DRGDT4ATy8pgRgVAPviisFdWDdw"
    "/Akayw8ll+n1hPQSpaR1DnRaxvTYOtEZUUMLuN9NUVyIRcDtErTUxbXatLboSIj+xYJzOD"
    "/rMf30G8u1Ye6/jYinhovNBWybbJZst30ySanOT6avxQWbxrDYmk4J8B/0yrmPoi/hlvo8"
    "PhkiAUuBMVhBIiHA7Yw0fRnc2CZ0Jk4psWPB6+Z20B103nTYOaXQsslGhy9nMlnFAthcBY"
    "oJ5pkqVobGVc8IjRlS8DfoXBlZHgvU3JoL8NxPtxoX1gHSvMJSvso4tJdgbZCv10mmFx1o"
    "gins9AFGCNlyJzCzQJliILZTqDZmXT/8VrPbRoQ2tLsYduQurTkIKgJsQAVnCZgcusYb4d"
    "IZfZy9R6aCu0ecUeGlKjpK3QZhcp4QKb7UYrCW0HfWlJiBObd5OSgSLuX46XKe4cznYwJd"
    "3R4FsC3xL4lrrkW/L4nAVZ01W+JBkUCnfJvVQh0YbXNu+cXQjcQBawjWNL5yT3JFgsfymU"
    "brKTqfdlMr75qOyK5PbRk2no90roH3v5srhhtrAoQ5cUBFMdmA9gPhpm4IgxH7EKA4dyH7"
    "HOOgpvahFskgWZsOI5VmTazs+2JDnBunWVlvAoIigtAeZlO5aLDpuXUFqia1r3MepaaYlH"
    "rO56EFN3bzQe/OpebWIsv7oXmnyWhiPpcsQKTvh9zvXhjXI7GX+cyNNpH6nhPphVjeJGlq"
    "+mykT+PJS/0AFEyMpSTPKokqcydl/1dSgWxLIVa1mCM4pLliI1GpYdUiGnEc3jEItBhvDB"
    "Pi9+yJtSqn9fqQCwPFEAGIpevswdpxBYWC2kuSGwP1z0a2WwrlWTbu+HFAnh9wClQppz3E"
    "9beW4Rn0OUzu0AdN5knS8d02Qb926+0r+bcHb+7PsRM8ThusSY/qu4LtFH2ruWswwBx+0B"
    "pmeTpyc4ZiF5oj2Qgq8bfN0v7Yxt+FWZbYVVMAwdggiOHkTAybbM5qFFampxahl1RAdiRb"
    "UEAy/YOistH1TySLIu80g2OckLvXAXNhy2rjX4IvI5EIEBERgtmect9cUXicDYOQFKKD0m"
    "2EGdt0THhaz9yKoraEalJcGaAuMUjNOGHfKFjFMcPxkeiGzinNlRgNPrYJNisdnontr0kP"
    "K1l2ENeG/3GwKW27CYDdCbPRDEpP5mIdPRdQo0cq8TshBemoZloV3Za6uPdt0irK8Q1rSf"
    "2ZkA/XaLXhk6QabxhLbEdHv6ey+htjo+Y66rtuU+YlF5iD5SsUYNUdql/1FhdI/10+se36"
    "oB8wXMl1Ysch02XyCAvGtaLxJA7nmc0yrPjtYMJSAqK3X5u6HfE6FAt4gEwJmCM3JnGT1g"
    "YE1ZcW9JYOtTTrwTt4e8daoA7u2JqGDLTA6ucJNc1zkruMq04mWpOTzVfoOkHSyViLG/j9"
    "Hyr8qpmc9qAvSHs1nVMScDQ38kpuV6qq+JZWF30qUoFF6zkzwuZRkRUDY7iVocqxbt2/Oy"
    "W4S+ZqMGHKvATFS4wYGNWoaZCGZj8fNLVKRL5bwqO8JYhP4dnM2zYOJ4IN3oml53U1bLi+"
    "2Bc10a9hFW5/r09+lMvu4j69myySbJkWeAH8vxfl8gxft9Zob3+2SCN/0sm8vAZN/bExFp"
    "Mv6VGFt1XNxjOfeMc2EuiTTs2Zk0CbFmZNCwz+tMBs2G2Jht/iJaico0QyWdSmryTsWC5m"
    "5cCiIz8iMzIpbHgSEEUetqGvbaTpD3WrfxUVY+Gtu7jI2/H4jEYQ+CjjqEeq0h2LwBu4c1"
    "iIzrgqyBN07qL6z+R5RwiSRx/hN4A+ANmjnrO8wbQERD17ReJKKhjSXxXF+q4JLakwaz4W"
    "dW/M6Vnuu30t2UFbfbYnYVZ1a9O+lSurmiyNOneIH1leEVLnr5SnflyyZUXi6hadO1vdMz"
    "vSofUr0GCte0SdMrx/TP36L16niiEIeQJPE9b6hwwcWUHECbLmepr9V7ER4ylAAWsnoWck"
    "l0bKqGKA0ZFzvAcG7PNiGQb2cTvHwQDmWKSwG329jgsNbCCUmMx0xi9BfJqt0PkW5bubju"
    "dz/Ed5cY0vQ7oJu70ajHW3ArQHq26+nWNNaq1mKTdi/I8d0mhvGEWiiT4WBWzMkTDR08xM"
    "PDDV/sCPixwfpoLPHC0bD5fBhkn4N+7jp1w7aYXyxSJ+QRa06AGR9XP4a5QOmnWG/dWGj/"
    "EnYiBm5Xru8w6pTNcxnGvMA1Owp9G9w79hmW6nYLnkLwFDZ0HWypz6iIpzCYfimd51+xE5"
    "XrDIdWxfU6hqneqzrW0oBmR7VGZSCstURYq7eBEc5GkRdLHBEC2EvATr5tNXoy4a8f2cAn"
    "xAD6EtC7aKUwL+bp92WbDHzv40S6vpYmfXRv4s0Gm3P983ggXd6NpMnvfRRaaHN9eiuzhf"
    "hjH1lbomlUS/TZ7Hd2O55lP7Ob8W4n45u7m8FQmg3HN320NQ2dHtfUYAQ2IAKAUNtatTn2"
    "ZtG0lFC+0Wodjb+wewyf5vq1fDW8u+6jDVmpzmaufxp+/NRHD+r9w1wfTIaz4UAa9RGVtd"
    "Xlbmt84XQV09Eyphx/mfPbHzGcpi6LI47rm9MCwL45zUSWveIEwKSxzU5y89tDhhvHg0t0"
    "kUvcvNaAZE6YgRgDkSA4wK+V69fahFxyhT6Y7jHUJwn3QHyUNamSZISY5ZCScdo2m5QMyW"
    "KBQpLupb/IWCMcRn4iLwmijww6PLCmof+LbNbW2bCW7Mcl/RqsobP42e3Bep08b1TfOxSD"
    "bMC6dAKEKBCikDrRaa0XSZ3w1u5y182nhLt0lq6CE/conHLopoQB3Ti6IRdWDmCePGCcuH"
    "NaY0V1SgKcEgZ04+jGCNlyGGd0AUgnHWWbrUkeiG6VRjqjC0A6gTRZm4pGHgnHE5zNGcel"
    "mszkl+SOzwtQx+eZzPF5mjg23Z7FqhlFhZqRstKpWkYqXSCMyD2ARfWSlAPVVK4aj1QzSt"
    "e/i3VwzERxVVAFPb/s3UyWBp9YNbxICPoLexKbVlmqCQV9q3AqiNDdBWpQCZZTrqgCVROU"
    "UX39qYMcCkHKB1kT0y1uyvErpBud5LkX/OyKbdC+oJtB8q93sohNN4h7C60NE7H7obwu/4"
    "6wjTZ0uLoPVcsrUxFcHZX2LVTTZe6duf7iB2WdwcdQ4b4MbDP4GEDrxXwMqqWE5Y4SyU+G"
    "oRGsZ6ytUbmEyhdUsC4tB0+Ou5pejsejmEYvh8l42LvrS3ny6sxVJW2k7g4eHA7GsWxjo3"
    "4PowiKmqJpyWYYo50qbQFFGKAIQxPhhCIMxyzCAJUBqqwM8MKhfwkV5JnpgZKK2Ohu46IG"
    "uo6koW85MxPZMnT8Gk3day/836kJbRJkPdB/V39Hu+2eGdcWWhB2MSWyDe8iZ465XsMHQD"
    "RgAxb+E7DUfyCbDSz1H1HrRSx19/8pfWd77f32HfTXn50WSfairbKTHU9T6V7Rb5aCOTtv"
    "OCHWgby6Y2cNe2cTjZtpms2GJMSACqmcCnk0VN4tf9kqCQRAGfXwUvQLKW76uIhW0pKgns"
    "rVszaWvFsOsrUSCIAyKleGainhfZJiTo1Q7ohODd82ba1Po21epNYD7pvvi2dBWj0lCEW4"
    "c7n1EK/jMezNxHUvAZwaWuVvAIzeEJdYTkoWh+3e7YuJZJVYwFh5zLgBa11BrE4nQ7ysLs"
    "fHkKq7m+1iiCS/OVZRD8Mn4wkZa5vobno/3XNNfReIt0IYPRnmCqk6/cmbWmkHQgl5bnBf"
    "JHKVSUFwH7gMWrJutJQ8BpfBj6j1Ii4Dd/1N6TvbZeC3B5dBMZeB6EVfL3DB11ld6FZc1K"
    "xp2UfNOMJWa8vCvfYvca99nUbHgJi2ulaX2OaaHNHXuQbHMmxY/2ULYACAAdDMBaGlR8Ei"
    "BoDubBa8eNac+JFAoprj4IumkMYPgxdFCj5cZFd8uEiVfFAtyyk1p2KCHZxSLZlCHGsqPY"
    "fIt61Kuyuh5bgkXJPdZC1TI820RKsrx4TADoH0nzrhJLppaBqrSCMIakoQ6nVAXtVR86p2"
    "62QlDITfUUdhje0oh3MOvNUjrQbB4jJyrKs2Lhh71ZBaMusuK/MPR/3e43A57vOTPBLnT9"
    "ri+xH4mz8iszhCCcBVmcDrNHTN7TCvA47drmm9iGPXVm2xa78CgQ66ds8LuXbPc1y755AN"
    "VmazqicbDFuWm6xSquB2Uvh4jvZfWnANMFvIFU3dqLayUXXH5gWLZmLLFy4FcMPYy8ovaK"
    "OrE7ZtstnySg3nj+Ck7PEG8EXzx69qKVtnoanWA+GYFPsyTWKikGwikGwCjHjVFK5FXGtT"
    "ONwpKgWZO/mZO0A1+uPncKqRM3YrQHYa9tTKAVsgciw6YWPQ0q+Abu5Go2IJUdnHCZHkHs"
    "YhSrueOjScY4OTflMro7CmKFL/8LrqElR1BiO6o0u3nlzSmMtfe29P9rHYCnYbClyx6qUr"
    "/c1CO1FWyIxVJfeHg3s/qo68aXRCf16hB+MJqTZ6whbaYPMrWfHvV62ua266FA7no98jpE"
    "wBs96ShaalHCsw6z+i1osw6zjYoopSvqFEKba3mSfbo9G9S8M06SFZkM2JSJUjctqDeoU8"
    "ztZgn6dgdtTjEWgfNANnEesp0QTuaybbKeCvxneXIxndTuTBcDr0qhQFS5X7Mg74RJZGya"
    "pQhKzY4VpkPYnKwIoivqLcm3hVatuOCUKMdnM26fTZzDOaBOnTuBRw0ryJIxqnHRMCRvov"
    "LhkliGlCDAZqPtEfYVAO5KO7yY+eJEjp+DK4n+//M8KDVgBwB2nVJMKJCbwf4t0qWgHA3a"
    "4wF9tshL0ptXPf3sqRRX6HC8s+9jvi7Kk2kvsP9wNcLtobKP5i4GX7Jpnn8K5OiPQGPrr5"
    "K3RLmUngo39ErRfio+Prc0rz+dGEaenjxRPWH7BZRUghPVDZvMLtLJReprClzl3xgKxA+o"
    "iR3qrO7h5jY8wS3Ld6wxvldjL+OJGn0z6K9DPXp3eX18PZTL7qI8tZbFQ6cFZz/Va+uRre"
    "fFQm8ueh/KWPtkRfsfhqkzyq5Gmuf5zQoywV2VFnc13+7XY4YQ92BQ92A1K0Utu7AtH8Z8"
    "kpGanT9i4Zy0+1ZJZbOeOSHVw527tSpjfIFd0ENFUnJfScEAXyt8l6DtanMhM6IQuabrKm"
    "Pa+jG4BVyl8ZSoK7soC70kONqtFSF7wEw/2IR2VLYl5qjzx9XVf+Vc2YZ+S55SCdldwGY5"
    "o7prFlCWcLhUIQXlI4vMTlLkU9XYEIeLmgaNYRnYY+D16BQ6u9kBZwZAXzc78TC8plFYF0"
    "b7msQulAYX7EgdlAQfBqR+CuPcMlcF9nuPmi7u09fr5YrtL+PJdxJOnkhF3GY5grYr5G//"
    "KiYb2smX+5GSj/wssl2bqG7m6s0Mcmca/2+Uqe6V9GHnd6j+W7VP8Rc916MJ50ljTjJdJY"
    "yNFtVXPb7QR/ps2R6WgEvWL/Wv/BTl+WxYpu/Qd99Xr7/BPCmmY8WUi1szNp/CWdbgQqpN"
    "GA27JFq1lLHVjgtvwRtV7EbRmswSmd7yngE5EDV2Wieg8DIoVnMUelL9vk8l+967vRbHg7"
    "kpXBp/FwIPfRhoqpW40oywd2s/xcn03uZOWDNJrKuzGnuJ8716efxpOZIt1Mv8iTPqInDt"
    "M/qsx1eTqVfu8jeqDAz83wR25Ngxuvmp0TEko0WYGNTQnZcdMl6Oxjs9hnbWWxjW1G0QV2"
    "PTsf4YhIcm9Xlzb6H6SpVm1AR87TC0elq4xuvWaf9xJHagZR/pBPju7Efs06yMirVMTzWd"
    "OSkIUmvuQkbWORmcGThSlS+RQh37Ya1jH/mJo9PxJiUOJTeG6Aowg8Gy9Nw+/1bAAN31ga"
    "XiKmunzocQh4781JHvWOwzaNueUykw/hLnkcJsQb4oeRzPXTIAeW2M3mltlttNx9PLskek"
    "SkE0Z1oij627cFaAvaKrsoOnuXONTSSSWAsNe8g+jWdJu4bnNv5cm2FCIixzcQXuZgVJkp"
    "kDpCHTNz9K//Dw/17bU="
)
