"""The assessment use cases' hand-written SQL, in one place; table names come from the models."""

from __future__ import annotations

from models.assessment import Certificate, Quiz, QuizAttempt
from models.learning import Enrollment

CERTIFICATES = Certificate._meta.db_table
QUIZZES = Quiz._meta.db_table
ATTEMPTS = QuizAttempt._meta.db_table
ENROLLMENTS = Enrollment._meta.db_table

# $1 user, $2 course, $3 enrollment, $4 now, $5 number: the new row's id, none on a conflict.
ISSUE_CERTIFICATE = (
    f'INSERT INTO "{CERTIFICATES}" (id, created_at, user_id, course_id, enrollment_id, number, '
    "issued_at) VALUES (gen_random_uuid(), $4, $1, $2, $3, $5, $4) "
    "ON CONFLICT DO NOTHING RETURNING id"
)

# $1 user, $2 course: what the certificate waits for — the enrollment completed (every
# lesson: learning decides), every published quiz passed.
CERTIFICATE_CONDITIONS = (
    f"SELECT e.id AS enrollment_id, e.status = 'completed' AS lessons_done, "
    f'ARRAY(SELECT q.id FROM "{QUIZZES}" q WHERE q.course_id = $2 AND q.is_published) '
    "AS quizzes, "
    f'ARRAY(SELECT DISTINCT a.quiz_id FROM "{ATTEMPTS}" a JOIN "{QUIZZES}" q ON q.id = a.quiz_id '
    "WHERE a.user_id = $1 AND q.course_id = $2 AND a.passed) AS quizzes_passed "
    f'FROM "{ENROLLMENTS}" e WHERE e.user_id = $1 AND e.course_id = $2'
)

# $1 quiz: lock it against a concurrent replacement of its questions (update_quiz holds FOR
# UPDATE while it checks for attempts and rewrites them; a start holds FOR SHARE until its
# attempt is written, so the two serialise and a quiz with attempts keeps its questions).
SHARE_QUIZ = (
    f'SELECT is_published, max_attempts, time_limit_minutes FROM "{QUIZZES}" '
    "WHERE id = $1 FOR SHARE"
)
LOCK_QUIZ = f'SELECT id FROM "{QUIZZES}" WHERE id = $1 FOR UPDATE'

# $1 attempt, then the condition's own parameters: whether that attempt meets `condition`
# (an access rule over the attempt as `t`, see policy.py).
ATTEMPT_MEETS = f'SELECT 1 AS hit FROM "{ATTEMPTS}" t WHERE t.id = $1 AND {{condition}}'

# $1 user, $2 course: lock the enrollment before deciding on the certificate. Learning locks
# it first when a lesson is completed, so a quiz passed while the last lesson is completed
# waits for it (or it for the quiz) and the later of the two sees both conditions met.
LOCK_ENROLLMENT = f'SELECT id FROM "{ENROLLMENTS}" WHERE user_id = $1 AND course_id = $2 FOR UPDATE'
