"""Insight's dashboards for teachers and admins: `Course.analytics` (the course's author and
admins; null for everyone else) and `platformStats` (admins; others: null with an
UNAUTHENTICATED or FORBIDDEN error).

Every figure is an SQL aggregate (loaders/insight_analytics.py states each definition),
batched for many courses at once. Rates are floats 0-1, null when there is nothing to
divide; scores are floats 0-100, null without any score. Both fields declare a query cost
(`ANALYTICS_COST`, `PLATFORM_COST`, engine/cost.py), so a page of 20 courses' analytics costs
20 x 200 and a thousand dashboards in one query are refused (QUERY_TOO_COSTLY).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry

from core.errors import AppError, ErrorCode
from engine.context import AppInfo
from engine.cost import COST
from engine.relations import related
from loaders.catalog import LessonByIdLoader
from loaders.insight_analytics import (
    CourseAnalyticsByCourseLoader,
    CourseAnalyticsRow,
    FunnelRow,
    InactiveLearnersLoader,
    platform_figures,
)
from models.catalog import Course as CourseRow
from resolvers.catalog.policy import can_edit
from resolvers.insight.log import require_admin
from rules.commerce.revenue import summarize
from schema.catalog.types import Money

if TYPE_CHECKING:
    from schema.graph import Lesson

LessonRef = Annotated["Lesson", strawberry.lazy("schema.graph")]

ANALYTICS_COST = 200
PLATFORM_COST = 200
MAX_INACTIVE_DAYS = 3650


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@strawberry.type(description="One active lesson's step of a course's funnel, in course order.")
class LessonFunnelStep:
    lesson_id: strawberry.Private[Any]
    lesson: LessonRef | None = related(LessonByIdLoader, "lesson_id")
    started: int = strawberry.field(
        description="Learners who started it: progress with attempts, or in progress or "
        "completed (a lesson only unlocked is not started)."
    )
    completed: int = strawberry.field(description="Learners who completed it (ever).")
    average_score: float | None = strawberry.field(
        description="Mean best score (0-100) of those who completed it; null without any."
    )
    average_hearts_lost: float | None = strawberry.field(
        description="Mean hearts lost in it by those who started it; null without any."
    )

    @classmethod
    def of(cls, row: FunnelRow) -> LessonFunnelStep:
        return cls(
            lesson_id=row.lesson_id,
            started=row.started,
            completed=row.completed,
            average_score=row.average_score,
            average_hearts_lost=row.average_hearts_lost,
        )


@strawberry.type(description="A course's figures, for its author and admins.")
class CourseAnalytics:
    course_id: strawberry.Private[Any]
    funnel: strawberry.Private[tuple[FunnelRow, ...]]
    enrollments: int = strawberry.field(description="Enrollments, whatever their status.")
    active_learners_7d: int = strawberry.field(
        description="Enrollments active (`lastActiveAt`) within the last 7 days."
    )
    completions: int = strawberry.field(description="Enrollments that completed the course.")
    completion_rate: float | None = strawberry.field(
        description="completions / enrollments (0-1); null without enrollments."
    )
    average_progress: float | None = strawberry.field(
        description="Per enrollment, completed active lessons / active lessons, averaged "
        "(0-1); null without enrollments or without active lessons."
    )
    average_lesson_score: float | None = strawberry.field(
        description="Mean best score (0-100) over the completed lessons of all learners; "
        "null without any."
    )
    quiz_pass_rate: float | None = strawberry.field(
        description="Passed attempts / submitted attempts of the course's quizzes (0-1; an "
        "attempt awaiting review has not passed yet); null without submitted attempts."
    )

    @classmethod
    def of(cls, course_id: Any, row: CourseAnalyticsRow) -> CourseAnalytics:
        lessons = row.active_lessons * row.enrollments
        return cls(
            course_id=course_id,
            funnel=row.funnel,
            enrollments=row.enrollments,
            active_learners_7d=row.active_learners_7d,
            completions=row.completions,
            completion_rate=_rate(row.completions, row.enrollments),
            average_progress=_rate(row.completed_lessons, lessons),
            average_lesson_score=row.average_lesson_score,
            quiz_pass_rate=_rate(row.quiz_passed, row.quiz_submitted),
        )

    @strawberry.field(
        description="Learners still enrolled (active or paused) whose last activity (else "
        "their enrollment) is more than `days` days ago (1 to 3650)."
    )
    async def inactive_learners(self, info: AppInfo, days: int = 14) -> int:
        if not 1 <= days <= MAX_INACTIVE_DAYS:
            raise AppError.of(ErrorCode.INVALID, f"days must be 1 to {MAX_INACTIVE_DAYS}.", "days")
        loader = info.context.loaders.get(InactiveLearnersLoader)
        return cast(int, await loader.load((self.course_id, days)))

    @strawberry.field(description="The course's active lessons in course order.")
    def lesson_funnel(self) -> list[LessonFunnelStep]:
        return [LessonFunnelStep.of(row) for row in self.funnel]


@strawberry.type
class CourseFields:
    """Insight's fields of `Course`."""

    @strawberry.field(
        description="The course's figures: for its author and admins; else null.",
        metadata={COST: ANALYTICS_COST},
    )
    async def analytics(self, info: AppInfo) -> CourseAnalytics | None:
        course = cast(CourseRow, self)
        if not can_edit(info.context.viewer, course):
            return None
        row = await info.context.loaders.get(CourseAnalyticsByCourseLoader).load(course.id)
        return CourseAnalytics.of(course.id, row)


@strawberry.type(description="How many live accounts have a role.")
class RoleCount:
    role: str = strawberry.field(description="student, teacher or admin.")
    count: int


@strawberry.type(description="The platform's figures, for admins.")
class PlatformStats:
    users: int = strawberry.field(description="Live accounts (not deleted).")
    active_users_7d: int = strawberry.field(
        description="Live accounts that signed in or learned within the last 7 days."
    )
    new_users_30d: int = strawberry.field(
        description="Live accounts created within the last 30 days."
    )
    users_by_role: list[RoleCount] = strawberry.field(
        description="Live accounts per role, sorted by role; roles without any are absent."
    )
    enrollments: int = strawberry.field(description="Every enrollment.")
    lessons_completed_7d: int = strawberry.field(
        description="Lesson completions (repeats included) within the last 7 days."
    )
    conversations_7d: int = strawberry.field(
        description="Conversation sessions started within the last 7 days."
    )
    revenue_30d: list[Money] = strawberry.field(
        description="Payments completed within the last 30 days, net of refunds, per "
        "currency (sorted by currency)."
    )


@strawberry.type
class Query:
    @strawberry.field(
        description="Admins only (others: null with an UNAUTHENTICATED or FORBIDDEN error): "
        "the platform's figures.",
        metadata={COST: PLATFORM_COST},
    )
    async def platform_stats(self, info: AppInfo) -> PlatformStats | None:
        require_admin(info.context.viewer)
        row = await platform_figures()
        return PlatformStats(
            users=row.users,
            active_users_7d=row.active_users_7d,
            new_users_30d=row.new_users_30d,
            users_by_role=[RoleCount(role=role, count=n) for role, n in row.by_role],
            enrollments=row.enrollments,
            lessons_completed_7d=row.lessons_completed_7d,
            conversations_7d=row.conversations_7d,
            revenue_30d=[
                Money(amount=item.amount, currency=item.currency)
                for item in summarize(row.revenue_30d).total
            ],
        )


ANALYTICS_TYPES = [CourseAnalytics, LessonFunnelStep, PlatformStats, RoleCount]
