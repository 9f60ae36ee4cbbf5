"""The learning rules that reads show, as SQL expressions, for the read compiler
(engine/compiler): hearts with regeneration and the next heart, the streak as it reads now
and the daily goal, in the learner's time zone, and a lesson's availability (the viewer's
progress before the lesson is started). Built from the constants of rules/learning;
the Python rules stay the single source of truth (writes use them) and these expressions are
tested against them at the edges (tests/learning/test_sql_rules.py).

Every function takes SQL expressions (columns, parameters) and returns one; `now` is the
instant the statement reads at (a parameter).
"""

from __future__ import annotations

import dataclasses
import functools

from loaders.learning import UnstartedProgress
from models.catalog import Lesson, LessonPrerequisite, Section, Unit
from models.learning import (
    PROGRESS_ID_NAMESPACE,
    Enrollment,
    LessonProgress,
    ProgressStatus,
)
from rules.learning import hearts as heart_rules

_MAX = heart_rules.MAX_HEARTS
_INTERVAL = int(heart_rules.REGEN_INTERVAL.total_seconds())
_UNLIMITED = ", ".join(f"'{tier}'" for tier in sorted(heart_rules.UNLIMITED_TIERS))


def _regenerated(updated_at: str, now: str) -> str:
    """Whole regeneration intervals since `updated_at` (0 when it is in the future)."""
    return f"greatest(0, floor(extract(epoch FROM ({now}) - ({updated_at})) / {_INTERVAL}))::int"


def hearts_sql(stored: str, updated_at: str, tier: str, now: str) -> str:
    """`current_hearts`."""
    clamped = f"greatest(0, least({_MAX}, {stored}))"
    return (
        f"(CASE WHEN ({tier}) IN ({_UNLIMITED}) OR {clamped} >= {_MAX} THEN {_MAX} "
        f"ELSE least({_MAX}, {clamped} + {_regenerated(updated_at, now)}) END)"
    )


def next_heart_sql(stored: str, updated_at: str, tier: str, now: str) -> str:
    """`next_heart_at`: null when full (or unlimited)."""
    steps = f"({_regenerated(updated_at, now)} + 1)"
    return (
        f"(CASE WHEN {hearts_sql(stored, updated_at, tier, now)} >= {_MAX} THEN NULL "
        f"ELSE ({updated_at}) + {steps} * interval '{_INTERVAL} seconds' END)"
    )


def local_date_sql(at: str, tz: str) -> str:
    """`local_date` (migration 24's `lg_local_date`)."""
    return f"lg_local_date({at}, {tz})"


def current_streak_sql(
    current: str, last_date: str, last_at: str, now: str, tz: str, today: str | None = None
) -> str:
    """`current_streak`: the stored streak, or 0 once a whole local day was missed (the
    smaller gap of the stored date and of the last activity seen from today's zone).
    `today` (the local date of `now` in `tz`), when the caller has it already."""
    today = today or local_date_sql(now, tz)
    gap = (
        f"least({today} - ({last_date}), CASE WHEN ({last_at}) IS NULL THEN {today} - "
        f"({last_date}) ELSE {today} - {local_date_sql(last_at, tz)} END)"
    )
    return (
        f"(CASE WHEN ({last_date}) IS NULL THEN 0 "
        f"WHEN {today} <= ({last_date}) OR {gap} <= 1 THEN {current} ELSE 0 END)"
    )


def goal_met_sql(day_xp: str, daily_goal: str) -> str:
    """`goal_met`."""
    return f"(({day_xp}) >= greatest(1, {daily_goal}))"


def available_sql(lesson: str, enrollment: str) -> str:
    """`is_available` for a lesson (row alias `lesson`) in an enrollment (an id): its
    prerequisites all completed when it has any; else, when active, the active lesson before
    it in course order completed (or none before it: the first lesson)."""
    completed = (
        f'SELECT 1 FROM "{PROGRESS}" c WHERE c.enrollment_id = {enrollment} '
        "AND c.lesson_id = {0} AND c.first_completed_at IS NOT NULL"
    )
    before = (
        f'SELECT p.id FROM "{LESSONS}" p JOIN "{UNITS}" pu ON pu.id = p.unit_id '
        f'JOIN "{SECTIONS}" ps ON ps.id = pu.section_id, '
        f'"{UNITS}" lu JOIN "{SECTIONS}" ls ON ls.id = lu.section_id '
        f"WHERE lu.id = {lesson}.unit_id AND p.course_id = {lesson}.course_id AND p.is_active "
        "AND (ps.position, pu.position, p.position) "
        f"< (ls.position, lu.position, {lesson}.position) "
        "ORDER BY ps.position DESC, pu.position DESC, p.position DESC LIMIT 1"
    )
    return (
        f'(CASE WHEN EXISTS (SELECT 1 FROM "{PREREQUISITES}" q WHERE q.lesson_id = {lesson}.id) '
        f'THEN NOT EXISTS (SELECT 1 FROM "{PREREQUISITES}" q WHERE q.lesson_id = {lesson}.id '
        f"AND NOT EXISTS ({completed.format('q.prerequisite_id')})) "
        f"WHEN NOT {lesson}.is_active THEN FALSE "
        f"ELSE coalesce((SELECT EXISTS ({completed.format('x.id')}) FROM ({before}) x), TRUE) END)"
    )


def viewer_progress_sql(viewer: str, lesson: str, row: str) -> str:
    """The viewer's progress on a lesson as `ViewerProgressLoader` gives it: the stored row,
    else (when enrolled in its course) the row it will be, locked or available; no row when
    not enrolled. A FROM item with lesson_progress's columns, aliased `row`."""
    columns = _progress_columns()
    stored = ", ".join(f'p."{column}"' for column in columns)
    status = (
        f"CASE WHEN {available_sql(lesson, 'e.id')} THEN '{ProgressStatus.AVAILABLE.value}' "
        f"ELSE '{ProgressStatus.LOCKED.value}' END"
    )
    values = {
        "id": (
            f"lg_uuid3('{PROGRESS_ID_NAMESPACE}', ({viewer})::uuid::text || ':' "
            f"|| {lesson}.id::text)"
        ),
        "user_id": f"({viewer})::uuid",
        "lesson_id": f"{lesson}.id",
        "enrollment_id": "e.id",
        "status": status,
        **_UNSTARTED_DEFAULTS,
    }
    unstarted = ", ".join(values.get(column, "NULL") for column in columns)
    return (
        f'(SELECT {stored} FROM "{PROGRESS}" p WHERE p.user_id = {viewer} '
        f"AND p.lesson_id = {lesson}.id "
        f'UNION ALL SELECT {unstarted} FROM "{ENROLLMENTS}" e WHERE e.user_id = {viewer} '
        f"AND e.course_id = {lesson}.course_id AND NOT EXISTS (SELECT 1 FROM "
        f'"{PROGRESS}" p WHERE p.user_id = {viewer} AND p.lesson_id = {lesson}.id)) {row}'
    )


def _unstarted_defaults() -> dict[str, str]:
    """An unstarted row's other values: `UnstartedProgress`'s defaults, as SQL."""
    found = {}
    for item in dataclasses.fields(UnstartedProgress):
        default = item.default
        if isinstance(default, int) and not isinstance(default, bool):
            found[item.name] = str(default)
    return found


PROGRESS = LessonProgress._meta.db_table
ENROLLMENTS = Enrollment._meta.db_table
LESSONS = Lesson._meta.db_table
UNITS = Unit._meta.db_table
SECTIONS = Section._meta.db_table
PREREQUISITES = LessonPrerequisite._meta.db_table
_UNSTARTED_DEFAULTS = _unstarted_defaults()


@functools.cache
def _progress_columns() -> tuple[str, ...]:
    """lesson_progress's columns, in order (foreign-key columns exist once Tortoise is
    initialised: read at the first statement, not at import)."""
    meta = LessonProgress._meta
    return tuple(
        field.source_field or name
        for name, field in meta.fields_map.items()
        if name in meta.db_fields or field.source_field
    )
