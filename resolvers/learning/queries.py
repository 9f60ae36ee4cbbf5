"""The learning use cases' hand-written SQL, in one place; table names come from the models.

Reads the loaders also need live in loaders/learning.py (the use cases call those loaders,
so no read is written twice); what is here is written or read by the use cases alone.
"""

from __future__ import annotations

from loaders.learning import ENROLLMENTS, LESSON_PROGRESS, LESSONS
from models.catalog import LessonExercise
from models.conversation import ConversationSession
from models.learning import (
    DailyActivity,
    ExerciseAttempt,
    UserAchievement,
    UserStreak,
)

EXERCISE_ATTEMPTS = ExerciseAttempt._meta.db_table
DAILY_ACTIVITIES = DailyActivity._meta.db_table
USER_STREAKS = UserStreak._meta.db_table
USER_ACHIEVEMENTS = UserAchievement._meta.db_table
LESSON_EXERCISES = LessonExercise._meta.db_table
CONVERSATION_SESSIONS = ConversationSession._meta.db_table

# --- enrolment and the course path -------------------------------------------------------

# $1 user, $2 course, $3 now, $4 hearts. ON CONFLICT: two enrolments at once end up with one row.
INSERT_ENROLLMENT = (
    f'INSERT INTO "{ENROLLMENTS}" (id, created_at, updated_at, user_id, course_id, status, '
    "total_xp, hearts, hearts_updated_at, last_active_at) VALUES (gen_random_uuid(), $3, $3, "
    "$1, $2, 'active', 0, $4, $3, $3) ON CONFLICT (user_id, course_id) DO NOTHING RETURNING id"
)

# $1 user, $2 lesson, $3 enrollment, $4 the row's id (models.learning.lesson_progress_id).
OPEN_LESSON = (
    f'INSERT INTO "{LESSON_PROGRESS}" (id, created_at, updated_at, user_id, lesson_id, '
    "enrollment_id, status, attempts, completion_count, time_spent_seconds, xp_earned, "
    "hearts_lost, current_first_tries) VALUES ($4, now(), now(), $1, $2, "
    "$3, 'available', 0, 0, 0, 0, 0, '{}') ON CONFLICT DO NOTHING"
)

# --- lesson play -----------------------------------------------------------------------------

# $1 lesson: the course of an active lesson.
COURSE_OF_ACTIVE_LESSON = f'SELECT course_id FROM "{LESSONS}" WHERE id = $1 AND is_active'

# $1 lesson, $2 exercise: a row when the exercise belongs to the lesson.
LESSON_HAS_EXERCISE = (
    f'SELECT 1 FROM "{LESSON_EXERCISES}" WHERE lesson_id = $1 AND exercise_id = $2'
)

# $1 lesson.
EXERCISE_IDS_OF_LESSON = f'SELECT exercise_id FROM "{LESSON_EXERCISES}" WHERE lesson_id = $1'

# $1 progress row, $2 attempt: milliseconds spent answering in that attempt.
ATTEMPT_TIME_SPENT = (
    f'SELECT coalesce(sum(time_spent_ms), 0) AS ms FROM "{EXERCISE_ATTEMPTS}" '
    "WHERE progress_id = $1 AND lesson_attempt = $2"
)

# --- rewards -----------------------------------------------------------------------------

# $1 user: the totals achievements are earned on.
ACHIEVEMENT_METRICS = (
    "SELECT "
    f'(SELECT count(*) FROM "{LESSON_PROGRESS}" WHERE user_id = $1 '
    " AND first_completed_at IS NOT NULL) AS lessons, "
    f'(SELECT count(*) FROM "{LESSON_PROGRESS}" WHERE user_id = $1 AND best_score = 100) '
    " AS perfect, "
    f"(SELECT count(*) FROM \"{ENROLLMENTS}\" WHERE user_id = $1 AND status = 'completed') "
    " AS courses, "
    f'(SELECT count(*) FROM "{CONVERSATION_SESSIONS}" WHERE user_id = $1 '
    " AND status = 'completed') AS conversations"
)

# $1 user, $2 achievement, $3 now.
AWARD_ACHIEVEMENT = (
    f'INSERT INTO "{USER_ACHIEVEMENTS}" (id, created_at, user_id, achievement_id, earned_at) '
    "VALUES (gen_random_uuid(), $3, $1, $2, $3) "
    "ON CONFLICT (user_id, achievement_id) DO NOTHING"
)

# $1 user.
ENSURE_STREAK = (
    f'INSERT INTO "{USER_STREAKS}" (id, created_at, updated_at, user_id, current, longest, '
    "total_xp) VALUES (gen_random_uuid(), now(), now(), $1, 0, 0, 0) "
    "ON CONFLICT (user_id) DO NOTHING"
)

# $1 user, $2 local date, $3 XP, $4 lessons, $5 seconds, $6 daily goal: the day's row after.
ADD_DAY = (
    f'INSERT INTO "{DAILY_ACTIVITIES}" AS d (id, created_at, updated_at, user_id, date, xp, '
    "goal_met, lessons_completed, time_spent_seconds) VALUES (gen_random_uuid(), now(), "
    "now(), $1, $2, $3::int, $3::int >= $6::int, $4::int, $5::int) "
    "ON CONFLICT (user_id, date) DO UPDATE SET "
    "xp = d.xp + $3::int, lessons_completed = d.lessons_completed + $4::int, "
    "time_spent_seconds = d.time_spent_seconds + $5::int, "
    "goal_met = d.xp + $3::int >= $6::int, updated_at = now() RETURNING d.*"
)
