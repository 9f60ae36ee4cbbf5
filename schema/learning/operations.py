"""Learning: enrollments, lesson play, progress, stats, achievements, certificates.

Adds fields to other domains' types through mixins (`UserFields`, `CourseFields`,
`LessonFields`); this module must not import schema.identity or schema.catalog at import
time, so their types are referred to lazily. Output types are in schema/learning_types.py.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any, cast
from uuid import UUID

import strawberry

from core.pagination import Page
from engine.compiler.specs import SQL, PageOf, RootList, RowFrom, RowOf, ToMany
from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo, Context
from engine.ids import NodeRef, node_id
from engine.mutations import Payload, payload_class, payload_mutation
from engine.permissions import SIGNED_IN
from engine.relations import as_type, as_types, related
from loaders.learning import (
    DailyActivitiesByUserSinceLoader,
    DailyActivityByUserDateLoader,
    EnrollmentByUserCourseLoader,
    EnrollmentCountByCourseLoader,
    EnrollmentsPageByUserLoader,
    UserAchievementsByUserLoader,
    UserStreakByUserLoader,
    ViewerProgressLoader,
)
from models.catalog import Course as CourseRow
from models.catalog import Lesson as LessonRow
from models.identity import User as UserRow
from models.learning import Achievement as AchievementRow
from models.learning import DailyActivity, UserStreak
from resolvers.identity.policy import users
from resolvers.learning import enrollment as use_cases
from resolvers.learning import play
from resolvers.learning.policy import can_see_private
from resolvers.learning.sql_rules import (
    current_streak_sql,
    goal_met_sql,
    local_date_sql,
    viewer_progress_sql,
)
from schema.learning.types import (
    Achievement,
    DayActivity,
    EnrollmentRef,
    LessonProgress,
    Stats,
    UserAchievement,
)

if TYPE_CHECKING:
    from schema.graph import CompleteLessonPayload, Enrollment, Lesson

__all__ = [
    "TYPES",
    "CourseFields",
    "LessonFields",
    "Mutation",
    "Query",
    "UserFields",
]

LessonRef = Annotated["Lesson", strawberry.lazy("schema.graph")]
DAILY_ACTIVITY = DailyActivity._meta.db_table
STREAKS = UserStreak._meta.db_table


def _stats_row(viewer: Any, user: str, row: str, param: Any, now: str) -> str | None:
    """`stats` for the read compiler: the streak row and today's activity (the user's own
    local today), for the user themselves (and admins); null for anyone else."""
    if viewer is None:
        return None
    today = local_date_sql(now, f"{user}.timezone")
    # Today's local date once (OFFSET 0 keeps it computed once, not copied into each use).
    return (
        f"(SELECT s.current, s.longest, s.total_xp, s.last_active_local_date, "
        f"s.last_active_at, {user}.timezone AS tz, {user}.daily_xp_goal AS goal, "
        f'day.today, (SELECT d.xp FROM "{DAILY_ACTIVITY}" d WHERE d.user_id = {user}.id '
        f"AND d.date = day.today) AS day_xp "
        f"FROM (SELECT {today} AS today OFFSET 0) day "
        f'LEFT JOIN "{STREAKS}" s ON s.user_id = {user}.id '
        f"WHERE {users(viewer).sql(user, param)}) {row}"
    )


_STATS = RowOf(
    _stats_row,
    {
        "total_xp": "coalesce({r}.total_xp, 0)",
        "current_streak": current_streak_sql(
            "coalesce({r}.current, 0)",
            "{r}.last_active_local_date",
            "{r}.last_active_at",
            "{now}",
            "{r}.tz",
            today="{r}.today",
        ),
        "longest_streak": "coalesce({r}.longest, 0)",
        "today_xp": "coalesce({r}.day_xp, 0)",
        "daily_goal_met": goal_met_sql("coalesce({r}.day_xp, 0)", "{r}.goal"),
    },
)


def _own(info: AppInfo, user_id: object) -> bool:
    return can_see_private(info.context.viewer, user_id)


# `self` in the resolvers of these fields classes is the row of the composed type
# (schema/graph.py), which is returned as the row itself (`model_type`).
def _user(self: object) -> UserRow:
    return cast(UserRow, self)


def _course(self: object) -> CourseRow:
    return cast(CourseRow, self)


def _as_lessons(rows: list[LessonRow]) -> list[Lesson]:
    """Rows as the composed `Lesson` type: what `as_types(Lesson, rows)` does, with `Lesson`
    known to the type checker only (schema.graph imports this module)."""
    return cast("list[Lesson]", rows)


def _as_stats(stats: use_cases.Stats) -> Stats:
    """The use case's `Stats` handed out as is (no copy): it has this type's fields, which
    Strawberry reads by attribute (the type has no `is_type_of`)."""
    return cast(Stats, stats)


@strawberry.type
class UserFields:
    """Learning fields of `User` (private: null or empty for other viewers)."""

    @strawberry.field(
        description="XP, streak and today's progress toward the daily goal.",
        metadata={SQL: _STATS},
    )
    async def stats(self, info: AppInfo) -> Stats | None:
        user = _user(self)
        if not _own(info, user.id):
            return None
        now = datetime.now(UTC)
        today = use_cases.today_for(user, now)
        loaders = info.context.loaders
        streak, day = await asyncio.gather(  # one batch, not two round trips in a row
            loaders.get(UserStreakByUserLoader).load(user.id),
            loaders.get(DailyActivityByUserDateLoader).load((user.id, today)),
        )
        return _as_stats(use_cases.stats_of(user, streak, day, now))

    @strawberry.field(
        description="Courses the user is enrolled in, most recently active first.",
        metadata={
            SQL: PageOf(
                EnrollmentsPageByUserLoader,
                where=lambda viewer, user, param: users(viewer).sql(user, param),
            )
        },
    )
    async def enrollments(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[EnrollmentRef]:
        user = _user(self)
        args = page_args(first, after)
        if not _own(info, user.id):
            return to_connection(Page.empty())
        page = await info.context.loaders.get(EnrollmentsPageByUserLoader).load((user.id, args))
        return to_connection(page)

    @strawberry.field(
        description="Achievements earned, newest first.",
        metadata={
            SQL: ToMany(
                "user_id",
                order=("{c}.earned_at DESC", "id"),
                where=lambda viewer, earned, user, param: users(viewer).sql(user, param),
            )
        },
    )
    async def achievements(self, info: AppInfo) -> list[UserAchievement]:
        user = _user(self)
        if not _own(info, user.id):
            return []
        return await info.context.loaders.get(UserAchievementsByUserLoader).load(user.id)

    @strawberry.field(description="The last `days` local days (user's time zone), oldest first.")
    async def daily_activity(self, info: AppInfo, days: int = 30) -> list[DayActivity]:
        user = _user(self)
        if not _own(info, user.id):
            return []
        use_cases.check_days(days)
        now = datetime.now(UTC)
        since = use_cases.today_for(user, now) - timedelta(days=days - 1)
        rows = await info.context.loaders.get(DailyActivitiesByUserSinceLoader).load(
            (user.id, since)
        )
        return use_cases.activity_days(user, rows, days, now)


@strawberry.type
class CourseFields:
    """Learning fields of `Course`."""

    enrollment_count: int = related(
        EnrollmentCountByCourseLoader, "id", description="How many learners are enrolled."
    )

    @strawberry.field(description="The viewer's enrollment in this course, if any.")
    async def viewer_enrollment(self, info: AppInfo) -> EnrollmentRef | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        return await info.context.loaders.get(EnrollmentByUserCourseLoader).load(
            (viewer.id, _course(self).id)
        )


def _viewer_progress_row(viewer: Any, lesson: str, row: str, param: Any, now: str) -> str | None:
    """`viewerProgress` for the read compiler: null when signed out."""
    return None if viewer is None else viewer_progress_sql(param(viewer.id), lesson, row)


def _viewer_and_lesson(lesson: Any, context: Context) -> tuple[Any, Any] | None:
    return None if context.viewer is None else (context.viewer.id, lesson.id)


@strawberry.type
class LessonFields:
    """Learning fields of `Lesson`."""

    viewer_progress: LessonProgress | None = related(
        ViewerProgressLoader,
        _viewer_and_lesson,
        metadata={SQL: RowFrom(_viewer_progress_row)},
        description="The viewer's progress: null when signed out or not enrolled; locked or "
        "available for a lesson not started yet.",
    )


# --- mutations -----------------------------------------------------------------------------


@strawberry.input
class EnrollInput:
    course_id: NodeRef = node_id("Course")


@strawberry.type
class EnrollPayload(Payload):
    enrollment: EnrollmentRef | None = None


@strawberry.input
class StartLessonInput:
    lesson_id: NodeRef = node_id("Lesson")


@strawberry.type
class StartLessonPayload(Payload):
    lesson_progress: LessonProgress | None = None
    hearts: int | None = None


@strawberry.input
class SubmitAnswerInput:
    lesson_id: NodeRef = node_id("Lesson")
    exercise_id: NodeRef = node_id("Exercise")
    answer: str = strawberry.field(
        description="Text, or for multiple choice the option's ID (global or raw)."
    )
    time_spent_ms: int | None = None
    hints_used: int | None = None


@strawberry.type
class SubmitAnswerPayload(Payload):
    correct: bool | None = None
    correct_answer: str | None = None
    explanation: str | None = None
    xp_earned: int | None = None
    hearts: int | None = None


@strawberry.input
class CompleteLessonInput:
    lesson_id: NodeRef = node_id("Lesson")


@strawberry.type
class CompleteLessonPayloadFields(Payload):
    """Learning's fields of `CompleteLessonPayload` (composed in schema/graph.py, where
    assessment adds the certificate the completion earned)."""

    lesson_progress: LessonProgress | None = None
    xp_earned: int | None = None
    stats: Stats | None = None
    new_achievements: list[Achievement] = strawberry.field(default_factory=list)
    unlocked_lessons: list[LessonRef] = strawberry.field(default_factory=list)
    # For other domains' fields: who completed which course's lesson, and when.
    user_id: strawberry.Private[UUID | None] = None
    course_id: strawberry.Private[UUID | None] = None
    completed_at: strawberry.Private[datetime | None] = None


CompleteLessonPayloadRef = Annotated["CompleteLessonPayload", strawberry.lazy("schema.graph")]


@strawberry.type
class Mutation:
    @payload_mutation(
        permission=SIGNED_IN,
        description="Enrol in a free course (PAYMENT_REQUIRED for a paid one); idempotent.",
    )
    async def enroll(self, info: AppInfo, input: EnrollInput) -> EnrollPayload:
        enrollment = await use_cases.enroll(info.context.user, input.course_id)
        return EnrollPayload(enrollment=cast("Enrollment", enrollment))

    @payload_mutation(
        permission=SIGNED_IN,
        description="Start (or restart) an available lesson: LOCKED, NO_HEARTS.",
    )
    async def start_lesson(self, info: AppInfo, input: StartLessonInput) -> StartLessonPayload:
        started = await play.start_lesson(info.context.user, input.lesson_id)
        return StartLessonPayload(
            lesson_progress=as_type(LessonProgress, started.lesson_progress),
            hearts=started.hearts,
        )

    @payload_mutation(
        permission=SIGNED_IN,
        description="Answer an exercise of the lesson in play; a wrong answer costs a heart.",
    )
    async def submit_answer(self, info: AppInfo, input: SubmitAnswerInput) -> SubmitAnswerPayload:
        result = await play.submit_answer(
            info.context.user,
            input.lesson_id,
            input.exercise_id,
            input.answer,
            input.time_spent_ms,
            input.hints_used,
        )
        return SubmitAnswerPayload(
            correct=result.correct,
            correct_answer=result.correct_answer,
            explanation=result.explanation,
            xp_earned=result.xp_earned,
            hearts=result.hearts,
        )

    @payload_mutation(
        permission=SIGNED_IN,
        description="Finish the lesson in play: score, XP, streak, unlocks, achievements.",
    )
    async def complete_lesson(
        self, info: AppInfo, input: CompleteLessonInput
    ) -> CompleteLessonPayloadRef:
        done = await play.complete_lesson(info.context.user, input.lesson_id)
        payload: type[CompleteLessonPayload] = payload_class(info)  # the composed type
        return payload(
            lesson_progress=as_type(LessonProgress, done.lesson_progress),
            xp_earned=done.xp_earned,
            stats=_as_stats(done.stats),
            new_achievements=as_types(Achievement, done.new_achievements),
            unlocked_lessons=_as_lessons(done.unlocked_lessons),
            user_id=info.context.user.id,
            course_id=done.course_id,
            completed_at=done.completed_at,
        )


@strawberry.type
class Query:
    @strawberry.field(
        description="Every achievement there is to earn.",
        metadata={
            SQL: RootList(lambda viewer, t, param: f"{t}.is_active", order=("threshold", "code"))
        },
    )
    async def achievements(self) -> list[Achievement]:
        rows = await AchievementRow.filter(is_active=True).order_by("threshold", "code")
        return as_types(Achievement, rows)


TYPES: list[type] = [LessonProgress, Achievement]
