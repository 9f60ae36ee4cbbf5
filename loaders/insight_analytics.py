"""Insight's analytics loaders: a course's figures for its author and admins, and the
platform's figures for admins. Every figure is an SQL aggregate; nothing is counted in
Python. Each loader is one statement for any number of courses (keys go in as arrays): a
course's analytics is two statements (its figures with the funnel, and the inactive
learners for the days asked), whatever the number of courses.

A course's figures (`CourseAnalyticsByCourseLoader`, `CourseAnalyticsRow`):
- `enrollments`: the course's enrollment rows, whatever their status.
- `active_learners_7d`: enrollments whose `last_active_at` is within the last 7 days.
- `completions`: enrollments whose status is COMPLETED.
- `completed_lessons`, `active_lessons`: progress rows COMPLETED or NEEDS_REVIEW (a lesson
  completed once stays completed) of the course's active lessons, and the number of active
  lessons; average progress = completed_lessons / (active_lessons x enrollments), which is
  the per-enrollment ratio "completed active lessons / active lessons" averaged over the
  enrollments (each progress row belongs to one enrollment of the course).
- `average_lesson_score`: the mean `best_score` (0-100) of the progress rows of active
  lessons that have one (completed at least once); None without any.
- `quiz_submitted`, `quiz_passed`: attempts at the course's quizzes that were submitted
  (`submitted_at` set: submitted, awaiting review or graded), and those of them that passed
  (`passed` true; one awaiting review has not passed yet).

`InactiveLearnersLoader` (keys `(course_id, days)`): enrollments still ACTIVE or PAUSED whose
last activity (`last_active_at`, else their enrollment time) is more than `days` days ago.

The funnel (`CourseAnalyticsRow.funnel`, same statement): one `FunnelRow` per active
lesson, in course order (section, unit, lesson positions), over the lesson's progress rows:
- started: rows with `attempts` > 0 or a status beyond AVAILABLE (IN_PROGRESS, COMPLETED,
  NEEDS_REVIEW); a LOCKED or AVAILABLE row never opened is not a start;
- completed: rows COMPLETED or NEEDS_REVIEW;
- average score: the mean `best_score` of the rows that have one (None without any);
- average hearts lost: the mean `hearts_lost` of the started rows (None without any).

Indexes used: enrollments(course_id), lessons(course_id), quizzes(course_id, created_at),
quiz_attempts(quiz_id, user_id, attempt_number) (migrations 2, 6 and 12), and
lesson_progress(lesson_id) INCLUDE (status, best_score, attempts, hearts_lost) (migration
22): the progress rows are read by an index-only scan, never a sequential scan of the table
(bench/analytics.py checks the plans).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from core.rows import fetch_records
from loaders.base import RecordLoader
from models.assessment import Quiz, QuizAttempt
from models.catalog import Lesson, Section, Unit
from models.commerce import Transaction, TransactionStatus
from models.conversation import ConversationSession
from models.identity import User
from models.learning import (
    ActivityEvent,
    ActivityKind,
    Enrollment,
    EnrollmentStatus,
    LessonProgress,
    ProgressStatus,
    UserStreak,
)
from rules.commerce.revenue import StatusRow

ENROLLMENTS = Enrollment._meta.db_table
PROGRESS = LessonProgress._meta.db_table
LESSONS = Lesson._meta.db_table
UNITS = Unit._meta.db_table
SECTIONS = Section._meta.db_table
QUIZZES = Quiz._meta.db_table
ATTEMPTS = QuizAttempt._meta.db_table
USERS = User._meta.db_table
STREAKS = UserStreak._meta.db_table
EVENTS = ActivityEvent._meta.db_table
SESSIONS = ConversationSession._meta.db_table
TRANSACTIONS = Transaction._meta.db_table

ACTIVE_WINDOW = timedelta(days=7)
_DONE = f"('{ProgressStatus.COMPLETED.value}', '{ProgressStatus.NEEDS_REVIEW.value}')"
_STARTED = (
    f"(p.attempts > 0 OR p.status IN ('{ProgressStatus.IN_PROGRESS.value}', "
    f"'{ProgressStatus.COMPLETED.value}', '{ProgressStatus.NEEDS_REVIEW.value}'))"
)
_COMPLETED_ENROLLMENT = EnrollmentStatus.COMPLETED.value
_STILL_LEARNING = f"('{EnrollmentStatus.ACTIVE.value}', '{EnrollmentStatus.PAUSED.value}')"


@dataclass(frozen=True)
class FunnelRow:
    """One active lesson's step of the funnel (see the module's docstring)."""

    lesson_id: Any
    started: int
    completed: int
    average_score: float | None
    average_hearts_lost: float | None


@dataclass(frozen=True)
class CourseAnalyticsRow:
    """A course's figures as SQL computed them (see the module's docstring)."""

    enrollments: int = 0
    active_learners_7d: int = 0
    completions: int = 0
    active_lessons: int = 0
    completed_lessons: int = 0
    average_lesson_score: float | None = None
    quiz_submitted: int = 0
    quiz_passed: int = 0
    funnel: tuple[FunnelRow, ...] = ()


# $1: the courses; $2: the start of the 7-day window. Progress rows are read once: `pl`
# aggregates them per active lesson (`pa`, by lesson_id first; a lesson without rows has
# zeros), `pc` sums the lessons per course and builds the funnel (a JSON array in course
# order).
ANALYTICS_SQL = f"""
WITH c AS (SELECT DISTINCT unnest($1::uuid[]) AS id),
e AS (
  SELECT e.course_id, count(*) AS enrollments,
    count(*) FILTER (WHERE e.last_active_at >= $2) AS active,
    count(*) FILTER (WHERE e.status = '{_COMPLETED_ENROLLMENT}') AS completions
  FROM "{ENROLLMENTS}" e WHERE e.course_id = ANY($1) GROUP BY e.course_id
),
lc AS (
  SELECT l.course_id, l.id, s.position AS sp, u.position AS up, l.position AS lp
  FROM "{LESSONS}" l
  JOIN "{UNITS}" u ON u.id = l.unit_id JOIN "{SECTIONS}" s ON s.id = u.section_id
  WHERE l.course_id = ANY($1) AND l.is_active
),
pa AS (
  SELECT p.lesson_id, count(*) FILTER (WHERE {_STARTED}) AS started,
    count(*) FILTER (WHERE p.status IN {_DONE}) AS completed,
    sum(p.best_score) AS score_sum, count(p.best_score) AS score_n,
    sum(p.hearts_lost) FILTER (WHERE {_STARTED}) AS hearts_sum
  FROM "{PROGRESS}" p WHERE p.lesson_id IN (SELECT id FROM lc) GROUP BY p.lesson_id
),
pl AS (
  SELECT lc.*, coalesce(pa.started, 0) AS started, coalesce(pa.completed, 0) AS completed,
    pa.score_sum, coalesce(pa.score_n, 0) AS score_n, pa.hearts_sum
  FROM lc LEFT JOIN pa ON pa.lesson_id = lc.id
),
pc AS (
  SELECT course_id, count(*) AS lessons, sum(completed) AS done,
    sum(score_sum)::float8 / nullif(sum(score_n), 0) AS score,
    json_agg(json_build_array(id, started, completed,
      score_sum::float8 / nullif(score_n, 0), hearts_sum::float8 / nullif(started, 0))
      ORDER BY sp, up, lp)::text AS funnel
  FROM pl GROUP BY course_id
),
q AS (
  SELECT q.course_id, count(*) FILTER (WHERE a.submitted_at IS NOT NULL) AS submitted,
    count(*) FILTER (WHERE a.submitted_at IS NOT NULL AND a.passed) AS passed
  FROM "{QUIZZES}" q JOIN "{ATTEMPTS}" a ON a.quiz_id = q.id
  WHERE q.course_id = ANY($1) GROUP BY q.course_id
)
SELECT c.id AS k, coalesce(e.enrollments, 0) AS enrollments, coalesce(e.active, 0) AS active,
  coalesce(e.completions, 0) AS completions, coalesce(pc.lessons, 0) AS lessons,
  coalesce(pc.done, 0) AS done, pc.score, pc.funnel, coalesce(q.submitted, 0) AS submitted,
  coalesce(q.passed, 0) AS passed
FROM c LEFT JOIN e ON e.course_id = c.id LEFT JOIN pc ON pc.course_id = c.id
  LEFT JOIN q ON q.course_id = c.id
"""


def _funnel(text: str | None) -> tuple[FunnelRow, ...]:
    steps = json.loads(text) if text else []
    return tuple(
        FunnelRow(UUID(lesson), int(started), int(completed), score, hearts)
        for lesson, started, completed, score, hearts in steps
    )


class CourseAnalyticsByCourseLoader(RecordLoader):
    """`Course.analytics`: a `CourseAnalyticsRow` per course (zeros without data), its
    funnel included, in one statement for many courses."""

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        since = datetime.now(UTC) - ACTIVE_WINDOW
        found: dict[Any, CourseAnalyticsRow] = {key: CourseAnalyticsRow() for key in keys}
        for row in await fetch_records(ANALYTICS_SQL, [list(keys), since]):
            found[row["k"]] = CourseAnalyticsRow(
                enrollments=int(row["enrollments"]),
                active_learners_7d=int(row["active"]),
                completions=int(row["completions"]),
                active_lessons=int(row["lessons"]),
                completed_lessons=int(row["done"]),
                average_lesson_score=row["score"],
                quiz_submitted=int(row["submitted"]),
                quiz_passed=int(row["passed"]),
                funnel=_funnel(row["funnel"]),
            )
        return found


# $1: the courses, $2: the days (pairwise); $3: now.
INACTIVE_SQL = f"""
SELECT k.course_id AS c, k.days AS d, count(e.id) AS n
FROM (SELECT DISTINCT * FROM unnest($1::uuid[], $2::int[]) AS u(course_id, days)) k
LEFT JOIN "{ENROLLMENTS}" e ON e.course_id = k.course_id
  AND e.status IN {_STILL_LEARNING}
  AND coalesce(e.last_active_at, e.created_at) < $3::timestamptz - make_interval(days => k.days)
GROUP BY k.course_id, k.days
"""


class InactiveLearnersLoader(RecordLoader):
    """Keys `(course_id, days)`: the course's inactive learners for that many days (see the
    module's docstring), one statement for every course and number of days asked."""

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        found: dict[Any, int] = {key: 0 for key in keys}
        courses, days = [key[0] for key in keys], [int(key[1]) for key in keys]
        for row in await fetch_records(INACTIVE_SQL, [courses, days, datetime.now(UTC)]):
            found[(row["c"], row["d"])] = int(row["n"])
        return found


# --- the platform -------------------------------------------------------------------------


@dataclass(frozen=True)
class PlatformRow:
    """The platform's figures (admins), as SQL computed them:
    - `users`: live accounts (not deleted); `by_role`: the same per role, sorted by role;
    - `active_users_7d`: live accounts that signed in (`last_login_at`) or learned (their
      streak's `last_active_at`) within the last 7 days;
    - `new_users_30d`: live accounts created within the last 30 days;
    - `enrollments`: every enrollment row;
    - `lessons_completed_7d`: LESSON_COMPLETED activity events of the last 7 days (each
      completion, repeats included);
    - `conversations_7d`: conversation sessions started within the last 7 days;
    - `revenue_30d`: transactions grouped by effective status and currency (rules/commerce/
      revenue.py's `StatusRow`) among those completed within the last 30 days: its
      `summarize(...).total` is what was received and kept, net of refunds.
    """

    users: int
    active_users_7d: int
    new_users_30d: int
    by_role: list[tuple[str, int]]
    enrollments: int
    lessons_completed_7d: int
    conversations_7d: int
    revenue_30d: list[StatusRow]


# $1: 7 days ago; $2: 30 days ago. One row per role (the totals repeat on each).
_PLATFORM = f"""
WITH u AS (
  SELECT u.role, count(*) AS n,
    count(*) FILTER (WHERE u.last_login_at >= $1 OR s.last_active_at >= $1) AS active,
    count(*) FILTER (WHERE u.created_at >= $2) AS new
  FROM "{USERS}" u LEFT JOIN "{STREAKS}" s ON s.user_id = u.id
  WHERE u.deleted_at IS NULL GROUP BY u.role
)
SELECT u.role, u.n, u.active, u.new,
  (SELECT count(*) FROM "{ENROLLMENTS}") AS enrollments,
  (SELECT count(*) FROM "{EVENTS}" a
    WHERE a.kind = '{ActivityKind.LESSON_COMPLETED.value}' AND a.created_at >= $1) AS lessons,
  (SELECT count(*) FROM "{SESSIONS}" cs WHERE cs.started_at >= $1) AS conversations
FROM (SELECT 1) one LEFT JOIN u ON TRUE ORDER BY u.role
"""

# $1: 30 days ago. Completed (and since refunded) transactions completed in the window.
_REVENUE_30D = f"""
SELECT t.status, t.currency, sum(t.amount) AS total, count(*) AS n
FROM "{TRANSACTIONS}" t
WHERE t.status IN ('{TransactionStatus.COMPLETED.value}', '{TransactionStatus.REFUNDED.value}')
  AND t.completed_at >= $1
GROUP BY t.status, t.currency
"""


async def platform_figures() -> PlatformRow:
    """The platform's figures in two statements (see `PlatformRow`)."""
    now = datetime.now(UTC)
    week, month = now - ACTIVE_WINDOW, now - timedelta(days=30)
    rows = await fetch_records(_PLATFORM, [week, month])
    roles = [row for row in rows if row["role"] is not None]
    first = rows[0]
    revenue = await fetch_records(_REVENUE_30D, [month])
    return PlatformRow(
        users=sum(int(row["n"]) for row in roles),
        active_users_7d=sum(int(row["active"]) for row in roles),
        new_users_30d=sum(int(row["new"]) for row in roles),
        by_role=[(str(row["role"]), int(row["n"])) for row in roles],
        enrollments=int(first["enrollments"]),
        lessons_completed_7d=int(first["lessons"]),
        conversations_7d=int(first["conversations"]),
        revenue_30d=[
            StatusRow(row["status"], row["currency"], row["total"], int(row["n"]))
            for row in revenue
        ],
    )
