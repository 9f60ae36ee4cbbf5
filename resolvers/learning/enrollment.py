"""Learning use cases: enrolment, the course path, stats and demo data.

Lesson play (start, answer, complete) lives in resolvers/learning/play.py, achievements,
certificates and the daily tally in resolvers/learning/rewards.py, the hand-written SQL in
resolvers/learning/queries.py. Rules are pure functions in rules/; this module does the I/O
around them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from core.errors import AppError, ErrorCode, not_found
from core.events import emit
from loaders.base import Loaders, select_visible
from loaders.catalog import ActiveLessonIdsByCourseLoader
from loaders.learning import CompletedLessonIdsByEnrollmentLoader, PrerequisiteIdsByCourseLoader
from models.catalog import Course
from models.identity import User
from models.learning import (
    DailyActivity,
    Enrollment,
    EnrollmentStatus,
    UserStreak,
    lesson_progress_id,
)
from resolvers.catalog.policy import can_see
from resolvers.identity.policy import require_viewer
from resolvers.learning import policy, queries
from resolvers.learning.events import Enrolled
from resolvers.learning.rewards import ensure_streak_row
from rules.learning import hearts as heart_rules
from rules.learning import streaks as streak_rules

log = logging.getLogger(__name__)


# --- the course path ---------------------------------------------------------------------


@dataclass
class CoursePath:
    """A course's active lessons in order and their explicit prerequisites."""

    order: list[UUID]
    prerequisites: dict[UUID, list[UUID]]


# The reads below are the loaders' own, through a fresh `Loaders` (nothing cached from before
# a write). Loaders read on the current connection: inside `in_transaction`, that is `conn`.


async def course_path(conn: BaseDBAsyncClient, course_id: UUID) -> CoursePath:
    loaders = Loaders()
    order = await loaders.get(ActiveLessonIdsByCourseLoader).load(course_id)
    prerequisites = await loaders.get(PrerequisiteIdsByCourseLoader).load(course_id)
    return CoursePath(order=order, prerequisites=prerequisites)


async def completed_lesson_ids(conn: BaseDBAsyncClient, enrollment_id: UUID) -> set[UUID]:
    return await Loaders().get(CompletedLessonIdsByEnrollmentLoader).load(enrollment_id)


async def open_lessons(
    conn: BaseDBAsyncClient, enrollment: Enrollment, lesson_ids: list[UUID]
) -> None:
    """Create `available` progress rows for lessons that just became reachable.

    The id is derived from (user, lesson), so a concurrent insert may conflict on either key:
    both mean the row exists."""
    for lesson_id in lesson_ids:
        await conn.execute_query(
            queries.OPEN_LESSON,
            [
                enrollment.user_id,
                lesson_id,
                enrollment.id,
                lesson_progress_id(enrollment.user_id, lesson_id),
            ],
        )


# --- enrolment ---------------------------------------------------------------------------


async def enroll(viewer: User | None, course_id: UUID, now: datetime | None = None) -> Enrollment:
    """Enrol in a free course, or a priced one the viewer bought (else PAYMENT_REQUIRED);
    enrolling again returns the same enrollment."""
    user = require_viewer(viewer)
    now = now or datetime.now(UTC)
    course = await Course.get_or_none(id=course_id)
    if course is None or not can_see(user, course):
        raise not_found("Course", "courseId")
    existing = await Enrollment.get_or_none(user_id=user.id, course_id=course.id)
    if existing is None and course.price_amount > 0:
        bought = await select_visible(Course, [course.id], policy.purchased_courses(user))
        if course.id not in bought:
            raise AppError.of(
                ErrorCode.PAYMENT_REQUIRED, "This course must be purchased first.", "courseId"
            )
    async with in_transaction():
        return await enrol(user.id, course.id, now)


async def enrol(user_id: UUID, course_id: UUID, now: datetime) -> Enrollment:
    """The user's enrollment in the course, made (first lesson opened) or resumed; for callers
    that checked the right to it (`enroll`; a completed purchase). Runs on the current
    connection, inside the caller's transaction: a new enrollment emits `Enrolled` there."""
    existing = await Enrollment.get_or_none(user_id=user_id, course_id=course_id)
    if existing is not None:
        if existing.status in (EnrollmentStatus.PAUSED, EnrollmentStatus.DROPPED):
            # Enrolling again resumes a paused or dropped enrollment, progress intact.
            existing.status = EnrollmentStatus.ACTIVE
            await existing.save(update_fields=["status", "updated_at"])
        return existing
    conn = connections.get("default")
    # ON CONFLICT: two enrolments at once end up with the one row.
    inserted = await conn.execute_query_dict(
        queries.INSERT_ENROLLMENT, [user_id, course_id, now, heart_rules.MAX_HEARTS]
    )
    if inserted:  # no row when a concurrent enrolment made it first
        await emit(Enrolled(user_id, course_id), conn)
    await ensure_streak_row(conn, user_id)
    enrollment = await Enrollment.get(user_id=user_id, course_id=course_id)
    path = await course_path(conn, course_id)
    if path.order:
        await open_lessons(conn, enrollment, [path.order[0]])
    return enrollment


# --- hearts and streak as they read now ----------------------------------------------------


def heart_state(enrollment: Enrollment) -> heart_rules.HeartState:
    return heart_rules.HeartState(enrollment.hearts, enrollment.hearts_updated_at)


def hearts_now(enrollment: Enrollment, tier: str, now: datetime | None = None) -> int:
    return heart_rules.current_hearts(heart_state(enrollment), now or datetime.now(UTC), tier)


def next_heart(enrollment: Enrollment, tier: str, now: datetime | None = None) -> datetime | None:
    return heart_rules.next_heart_at(heart_state(enrollment), now or datetime.now(UTC), tier)


def streak_state(row: UserStreak | None) -> streak_rules.StreakState:
    if row is None:
        return streak_rules.StreakState()
    return streak_rules.StreakState(
        current=row.current,
        longest=row.longest,
        last_date=row.last_active_local_date,
        last_at=row.last_active_at,
    )


@dataclass
class Stats:
    total_xp: int
    current_streak: int
    longest_streak: int
    today_xp: int
    daily_goal_met: bool


def stats_of(
    user: User, streak: UserStreak | None, today: DailyActivity | None, now: datetime
) -> Stats:
    state = streak_state(streak)
    today_xp = today.xp if today is not None else 0
    return Stats(
        total_xp=streak.total_xp if streak is not None else 0,
        current_streak=streak_rules.current_streak(state, now, user.timezone),
        longest_streak=state.longest,
        today_xp=today_xp,
        daily_goal_met=streak_rules.goal_met(today_xp, user.daily_xp_goal),
    )


def today_for(user: User, now: datetime | None = None) -> date:
    return streak_rules.local_date(now or datetime.now(UTC), user.timezone)


@dataclass
class DayActivity:
    date: date
    xp: int
    goal_met: bool
    lessons_completed: int
    time_spent_seconds: int


def activity_days(user: User, rows: list[DailyActivity], days: int, now: datetime) -> list[Any]:
    """The last `days` local days, oldest first, zero-filled where nothing happened."""
    today = today_for(user, now)
    by_date = {r.date: r for r in rows}
    result = []
    for offset in range(days - 1, -1, -1):
        day = today - timedelta(days=offset)
        row = by_date.get(day)
        result.append(
            DayActivity(
                date=day,
                xp=row.xp if row else 0,
                goal_met=row.goal_met if row else False,
                lessons_completed=row.lessons_completed if row else 0,
                time_spent_seconds=row.time_spent_seconds if row else 0,
            )
        )
    return result


def check_days(days: int) -> int:
    if not 1 <= days <= 366:
        raise AppError.of(ErrorCode.INVALID, "`days` must be between 1 and 366.", "days")
    return days
