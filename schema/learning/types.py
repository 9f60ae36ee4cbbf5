"""Learning output types. Catalog types are referred to lazily (no import of schema.catalog
or schema.identity here: schema.identity imports this domain for its `User` mixin)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry
from strawberry import relay

from engine.compiler.specs import SQL, Count, Expr, PageOf, count_sql
from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo
from engine.node import node_source
from engine.relations import model_type, related, when_loaded
from loaders.catalog import CourseByIdLoader, LessonByIdLoader, LessonCountByCourseLoader
from loaders.identity import UserByIdLoader
from loaders.learning import (
    AchievementByIdLoader,
    CompletedLessonCountByEnrollmentLoader,
    LessonProgressPageByEnrollmentLoader,
    UnstartedProgress,
)
from models import learning as m
from resolvers.identity.policy import subscription_tier, tier_sql
from resolvers.learning import enrollment as use_cases
from resolvers.learning import policy
from resolvers.learning.sql_rules import hearts_sql, next_heart_sql

if TYPE_CHECKING:
    from schema.graph import Course, Enrollment, Lesson

CourseRef = Annotated["Course", strawberry.lazy("schema.graph")]
LessonRef = Annotated["Lesson", strawberry.lazy("schema.graph")]
EnrollmentRef = Annotated["Enrollment", strawberry.lazy("schema.graph")]

# GraphQL enums: `strawberry.enum` registers the models' classes themselves (and returns
# them), so these names are plain aliases of the models' enums for the type checker.
EnrollmentStatus = m.EnrollmentStatus
ProgressStatus = m.ProgressStatus
AchievementCondition = m.ConditionType
strawberry.enum(EnrollmentStatus, name="EnrollmentStatus")
strawberry.enum(ProgressStatus, name="ProgressStatus")
strawberry.enum(AchievementCondition, name="AchievementCondition")


@strawberry.type(description="A learner's totals across courses.")
class Stats:
    total_xp: int
    current_streak: int = strawberry.field(description="0 once a whole local day was missed.")
    longest_streak: int
    today_xp: int = strawberry.field(description="XP earned on the user's local today.")
    daily_goal_met: bool


@strawberry.type(description="One local calendar day of learning.")
class DayActivity:
    date: dt.date
    xp: int
    goal_met: bool
    lessons_completed: int
    time_spent_seconds: int


@strawberry.type
@model_type(m.Achievement)
@node_source(m.Achievement, policy.achievements)
class Achievement(relay.Node):
    id: relay.NodeID[str]
    code: str
    name: str
    description: str
    icon_url: str | None
    condition_type: AchievementCondition
    threshold: int
    xp_reward: int


@strawberry.type
@model_type(m.UserAchievement)
@node_source(m.UserAchievement, policy.learner_rows)
class UserAchievement(relay.Node):
    id: relay.NodeID[str]
    earned_at: dt.datetime

    achievement: Achievement = related(AchievementByIdLoader, "achievement_id")


@strawberry.type(
    description="A learner's progress on a lesson. Its `id` is the same before the lesson is "
    "started (locked or available, nothing stored yet) and after; `node(id:)` finds it once "
    "the lesson has been started."
)
@model_type(m.LessonProgress, UnstartedProgress)
@node_source(m.LessonProgress, policy.lesson_progress)
class LessonProgress(relay.Node):
    id: relay.NodeID[str]
    status: ProgressStatus
    best_score: int | None = strawberry.field(description="0-100, null until completed.")
    attempts: int = strawberry.field(description="How many times the lesson was started.")
    completion_count: int
    time_spent_seconds: int
    xp_earned: int
    hearts_lost: int
    first_completed_at: dt.datetime | None
    last_completed_at: dt.datetime | None

    lesson: LessonRef = related(LessonByIdLoader, "lesson_id")


def _owner(info: AppInfo, user_id: Any) -> Any:
    """The enrollment's user: the viewer when it is theirs (no load), else via the loader."""
    viewer = info.context.viewer
    if viewer is not None and viewer.id == user_id:
        return viewer
    return info.context.loaders.get(UserByIdLoader).get_or_load(user_id)


def _tier(user: Any) -> str:
    return subscription_tier(user) if user is not None else "free"


def _percent(done: int, total: int) -> int:
    return min(100, done * 100 // total) if total else 0


# `_percent` in SQL, over the same two counts (read once per row with the count fields).
_COUNTS = (
    ("done", count_sql(Count.of(CompletedLessonCountByEnrollmentLoader))),
    ("total", count_sql(Count.of(LessonCountByCourseLoader, key="course_id"))),
)
_PERCENT = "(CASE WHEN {total} = 0 THEN 0 ELSE least(100, {done} * 100 / {total}) END)"


# Hearts now, in SQL, with the owner's tier (a user row's columns), read once per row.
_TIER = (
    (
        "tier",
        "coalesce((SELECT "
        + tier_sql("u.subscription_tier", "u.premium_until", "{now}")
        + " FROM \"users\" u WHERE u.id = {t}.user_id), 'free')",
    ),
)
_HEARTS = hearts_sql("{t}.hearts", "{t}.hearts_updated_at", "{tier}", "{now}")
_NEXT_HEART = next_heart_sql("{t}.hearts", "{t}.hearts_updated_at", "{tier}", "{now}")


def _enrollment(self: object) -> m.Enrollment:
    """`self` in `Enrollment`'s resolvers: the row itself (`model_type`)."""
    return cast(m.Enrollment, self)


@strawberry.type
@node_source(m.Enrollment, policy.learner_rows)
class EnrollmentFields(relay.Node):
    """Learning's fields of `Enrollment` (composed in schema/graph.py, where assessment adds
    the certificate)."""

    id: relay.NodeID[str]
    status: EnrollmentStatus
    total_xp: int
    last_active_at: dt.datetime | None
    completed_at: dt.datetime | None

    @strawberry.field(description="When the learner enrolled.")
    def enrolled_at(self) -> dt.datetime:
        return _enrollment(self).created_at

    @strawberry.field(
        description="Hearts now (regenerated ones included); 5 when unlimited.",
        metadata={SQL: Expr(_HEARTS, once=_TIER)},
    )
    def hearts(self, info: AppInfo) -> int:
        enrollment = _enrollment(self)
        owner = _owner(info, enrollment.user_id)
        return when_loaded(lambda user: use_cases.hearts_now(enrollment, _tier(user)), owner)

    @strawberry.field(
        description="When the next heart comes back; null when full.",
        metadata={SQL: Expr(_NEXT_HEART, once=_TIER)},
    )
    def next_heart_at(self, info: AppInfo) -> dt.datetime | None:
        enrollment = _enrollment(self)
        owner = _owner(info, enrollment.user_id)
        return when_loaded(lambda user: use_cases.next_heart(enrollment, _tier(user)), owner)

    course: CourseRef = related(CourseByIdLoader, "course_id")

    completed_lessons: int = related(
        CompletedLessonCountByEnrollmentLoader, "id", description="Lessons completed at least once."
    )

    total_lessons: int = related(
        LessonCountByCourseLoader, "course_id", description="Active lessons in the course."
    )

    @strawberry.field(
        description="Completed lessons as a whole percentage, 0-100.",
        metadata={SQL: Expr(_PERCENT, once=_COUNTS)},
    )
    def percent_complete(self, info: AppInfo) -> int:
        loaders, enrollment = info.context.loaders, _enrollment(self)
        return when_loaded(
            _percent,
            loaders.get(CompletedLessonCountByEnrollmentLoader).get_or_load(enrollment.id),
            loaders.get(LessonCountByCourseLoader).get_or_load(enrollment.course_id),
        )

    @strawberry.field(
        description="Progress rows of the lessons reached, in course order.",
        metadata={SQL: PageOf(LessonProgressPageByEnrollmentLoader)},
    )
    async def lesson_progress(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[LessonProgress]:
        page = await info.context.loaders.get(LessonProgressPageByEnrollmentLoader).load(
            (self.id, page_args(first, after))
        )
        return to_connection(page)
