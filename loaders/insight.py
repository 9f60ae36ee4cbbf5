"""Insight loaders: a learner's progress summary and XP per local week, each one aggregate
statement for every user asked about in the request (no rows loaded into Python to count).

The figures of `ProgressSummary` (all from what the other domains record):

- `total_xp`: all-time XP (`user_streaks.total_xp`); 0 without a row.
- `current_streak`: the streak as it reads now (rules/learning/streaks.py: 0 once a whole
  local day was missed), from `user_streaks` and the user's time zone.
- `lessons_completed`: lessons completed at least once (`first_completed_at` set).
- `lessons_in_progress`: lessons started (status IN_PROGRESS) and never completed.
- `average_lesson_score`: the mean best score (0-100) of the lessons with one; null without.
- `study_minutes`: exercise attempts' `time_spent_ms` + conversation sessions'
  `duration_seconds` + study sessions' `ended_at - started_at` (ended ones), in whole
  minutes rounded down; 0 without any.
- `conversations_completed`: conversation sessions with status COMPLETED.
- `average_conversation_score`: the mean `overall_score` (0-100) of those sessions'
  evaluations; null without.
- `estimated_level`: the median CEFR level (the lower middle one for an even count) of the
  learner's last 5 evaluations, of conversations or recordings, newest first by creation;
  without any, the highest `cefr_level` of a section all of whose active lessons the learner
  completed; else null.
- `quizzes_passed`: distinct quizzes with a passed attempt.
- `last_active_at`: the later of the last XP earned (`user_streaks.last_active_at`) and the
  newest activity-log entry; null without either.

XP per week: weeks start on Monday in the learner's local calendar (`daily_activities.date`
is already the learner's local date); the current week is the one containing the learner's
local today, passed in the key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar
from uuid import UUID

from core.rows import fetch_records
from loaders.base import RecordLoader
from rules.learning.streaks import StreakState

CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
_LEVELS = "ARRAY['A1','A2','B1','B2','C1','C2']"


@dataclass
class ProgressFigures:
    """A learner's figures as read from the database (see the module docstring)."""

    user_id: UUID
    total_xp: int
    streak: StreakState
    lessons_completed: int
    lessons_in_progress: int
    average_lesson_score: float | None
    study_minutes: int
    conversations_completed: int
    average_conversation_score: float | None
    estimated_level: str | None
    quizzes_passed: int
    last_active_at: datetime | None


# One statement for every user: each CTE aggregates one table for all the keys (each filtered
# by an indexed `user_id = ANY($1)`), joined to the users by id.
SUMMARY_SQL = f"""
WITH u AS (SELECT id FROM users WHERE id = ANY($1)),
lp AS (
    SELECT user_id,
           count(*) FILTER (WHERE first_completed_at IS NOT NULL) AS completed,
           count(*) FILTER (WHERE status = 'in_progress' AND first_completed_at IS NULL)
               AS in_progress,
           avg(best_score) FILTER (WHERE best_score IS NOT NULL) AS avg_score
    FROM lesson_progress WHERE user_id = ANY($1) GROUP BY user_id),
ex AS (
    SELECT user_id, sum(time_spent_ms)::float8 / 1000 AS seconds
    FROM exercise_attempts WHERE user_id = ANY($1) GROUP BY user_id),
cs AS (
    SELECT s.user_id, sum(s.duration_seconds)::float8 AS seconds,
           count(*) FILTER (WHERE s.status = 'completed') AS completed,
           avg(e.overall_score) FILTER (WHERE s.status = 'completed') AS avg_score
    FROM conversation_sessions s LEFT JOIN evaluations e ON e.session_id = s.id
    WHERE s.user_id = ANY($1) GROUP BY s.user_id),
st AS (
    SELECT user_id, sum(extract(epoch FROM ended_at - started_at))::float8 AS seconds
    FROM study_sessions WHERE user_id = ANY($1) AND ended_at IS NOT NULL GROUP BY user_id),
ev AS (
    SELECT user_id, array_position({_LEVELS}, cefr_level) AS rank,
           row_number() OVER (PARTITION BY user_id ORDER BY created_at DESC, id DESC) AS n
    FROM (SELECT s.user_id, e.cefr_level, e.created_at, e.id
          FROM evaluations e JOIN conversation_sessions s ON s.id = e.session_id
          WHERE s.user_id = ANY($1)
          UNION ALL
          SELECT r.user_id, e.cefr_level, e.created_at, e.id
          FROM evaluations e JOIN recordings r ON r.id = e.recording_id
          WHERE r.user_id = ANY($1)) x),
med AS (
    SELECT user_id, percentile_disc(0.5) WITHIN GROUP (ORDER BY rank) AS rank
    FROM ev WHERE n <= 5 AND rank IS NOT NULL GROUP BY user_id),
sec AS (
    SELECT user_id, max(array_position({_LEVELS}, cefr_level)) AS rank FROM (
        SELECT p.user_id, s.cefr_level
        FROM lesson_progress p
        JOIN lessons l ON l.id = p.lesson_id AND l.is_active
        JOIN units un ON un.id = l.unit_id
        JOIN sections s ON s.id = un.section_id
        WHERE p.user_id = ANY($1) AND p.first_completed_at IS NOT NULL
        GROUP BY p.user_id, s.id, s.cefr_level
        HAVING count(*) = (SELECT count(*) FROM lessons l2 JOIN units u2 ON u2.id = l2.unit_id
                           WHERE u2.section_id = s.id AND l2.is_active)) done
    GROUP BY user_id),
qz AS (
    SELECT user_id, count(DISTINCT quiz_id) AS passed
    FROM quiz_attempts WHERE user_id = ANY($1) AND passed GROUP BY user_id),
act AS (
    SELECT user_id, max(created_at) AS last_at
    FROM activity_events WHERE user_id = ANY($1) GROUP BY user_id)
SELECT u.id AS k,
       coalesce(us.total_xp, 0) AS total_xp, us.current AS streak_current,
       us.longest AS streak_longest, us.last_active_local_date AS streak_date,
       us.last_active_at AS streak_at,
       coalesce(lp.completed, 0) AS lessons_completed,
       coalesce(lp.in_progress, 0) AS lessons_in_progress,
       lp.avg_score::float8 AS average_lesson_score,
       floor((coalesce(ex.seconds, 0) + coalesce(cs.seconds, 0) + coalesce(st.seconds, 0))
             / 60)::int AS study_minutes,
       coalesce(cs.completed, 0) AS conversations_completed,
       cs.avg_score::float8 AS average_conversation_score,
       coalesce(med.rank, sec.rank) AS level_rank,
       coalesce(qz.passed, 0) AS quizzes_passed,
       greatest(us.last_active_at, act.last_at) AS last_active_at
FROM u
LEFT JOIN user_streaks us ON us.user_id = u.id
LEFT JOIN lp ON lp.user_id = u.id
LEFT JOIN ex ON ex.user_id = u.id
LEFT JOIN cs ON cs.user_id = u.id
LEFT JOIN st ON st.user_id = u.id
LEFT JOIN med ON med.user_id = u.id
LEFT JOIN sec ON sec.user_id = u.id
LEFT JOIN qz ON qz.user_id = u.id
LEFT JOIN act ON act.user_id = u.id
"""


def _level(rank: int | None) -> str | None:
    return CEFR_LEVELS[rank - 1] if rank is not None and 1 <= rank <= len(CEFR_LEVELS) else None


def _figures(row: Any) -> ProgressFigures:
    return ProgressFigures(
        user_id=row["k"],
        total_xp=int(row["total_xp"]),
        streak=StreakState(
            current=row["streak_current"] or 0,
            longest=row["streak_longest"] or 0,
            last_date=row["streak_date"],
            last_at=row["streak_at"],
        ),
        lessons_completed=int(row["lessons_completed"]),
        lessons_in_progress=int(row["lessons_in_progress"]),
        average_lesson_score=row["average_lesson_score"],
        study_minutes=int(row["study_minutes"]),
        conversations_completed=int(row["conversations_completed"]),
        average_conversation_score=row["average_conversation_score"],
        estimated_level=_level(row["level_rank"]),
        quizzes_passed=int(row["quizzes_passed"]),
        last_active_at=row["last_active_at"],
    )


class ProgressSummaryByUserLoader(RecordLoader):
    """Keys: user ids. A `ProgressFigures` per existing user, in one statement for all."""

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await fetch_records(SUMMARY_SQL, [list(keys)])
        return {row["k"]: _figures(row) for row in rows}


# The weeks of every key, as (user, Monday of the current local week, count of weeks);
# daily rows are matched by range on (user_id, date), the table's unique index.
WEEKLY_XP_SQL = """
WITH keys AS (SELECT * FROM unnest($1::uuid[], $2::date[], $3::int[]) AS k(user_id, week, n)),
w AS (SELECT keys.user_id, keys.week AS current, keys.n,
             (keys.week - 7 * g)::date AS week_start
      FROM keys, generate_series(0, keys.n - 1) AS g)
SELECT w.user_id, w.current, w.n, w.week_start, coalesce(sum(d.xp), 0)::int AS xp
FROM w LEFT JOIN daily_activities d
  ON d.user_id = w.user_id AND d.date >= w.week_start AND d.date < w.week_start + 7
GROUP BY w.user_id, w.current, w.n, w.week_start
ORDER BY w.week_start
"""


class WeeklyXpByUserLoader(RecordLoader):
    """Keys `(user_id, monday, weeks)`: `[(week_start, xp)]` for the `weeks` weeks ending
    with the one starting on `monday` (the learner's current local week), oldest first,
    weeks without XP included as 0. One statement for all keys."""

    missing: ClassVar[Any] = []

    async def fetch(self, keys: Sequence[tuple[Any, date, int]]) -> dict[Any, Any]:
        unique = list(dict.fromkeys(keys))
        rows = await fetch_records(
            WEEKLY_XP_SQL,
            [[k[0] for k in unique], [k[1] for k in unique], [k[2] for k in unique]],
        )
        grouped: dict[Any, list[tuple[date, int]]] = {}
        for row in rows:
            key = (row["user_id"], row["current"], row["n"])
            grouped.setdefault(key, []).append((row["week_start"], row["xp"]))
        return grouped
