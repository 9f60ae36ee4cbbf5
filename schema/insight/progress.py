"""A learner's dashboard on `User` (the `UserFields` mixin, composed into `User` in
schema/graph.py): `progressSummary` and `activity(first, after)`.

Both are private: the learner and admins read them; anyone else (or nobody signed in) reads
null. Every figure's definition is in loaders/insight.py; the summary is one aggregate
statement for all the users of a request, `weeklyXp` one more. `progressSummary` declares a
high cost (engine/cost.py) so one query cannot ask for many dashboards.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import cast

import strawberry

from core.pagination import Page
from engine.connections import Connection, page_args, to_connection
from engine.context import AppInfo
from engine.cost import COST
from engine.ids import global_id
from loaders.insight import ProgressFigures, ProgressSummaryByUserLoader, WeeklyXpByUserLoader
from models.identity import User
from models.learning import ActivityEvent, ActivityKind
from resolvers.insight import progress as use_cases
from rules.learning.streaks import current_streak

PROGRESS_SUMMARY_COST = 200

strawberry.enum(ActivityKind, name="ActivityKind")


@strawberry.type(description="XP earned in one local week (Monday to Sunday).")
class WeekXp:
    week_start: date = strawberry.field(description="The week's Monday, in your time zone.")
    xp: int


@strawberry.type(description="A learner's progress at a glance; see each field.")
class ProgressSummary:
    total_xp: int = strawberry.field(description="All-time XP.")
    current_streak: int = strawberry.field(description="0 once a whole local day was missed.")
    lessons_completed: int = strawberry.field(description="Lessons completed at least once.")
    lessons_in_progress: int = strawberry.field(description="Started and never completed.")
    average_lesson_score: float | None = strawberry.field(
        description="Mean best score (0-100) of scored lessons; null without any."
    )
    study_minutes: int = strawberry.field(
        description="Exercise answer time + conversation time + study session time, in whole "
        "minutes (rounded down)."
    )
    conversations_completed: int
    average_conversation_score: float | None = strawberry.field(
        description="Mean evaluation (0-100) of completed conversations; null without any."
    )
    estimated_level: str | None = strawberry.field(
        description="CEFR level: the median of your last 5 conversation or recording "
        "evaluations; without any, the highest level of a section you completed; else null."
    )
    quizzes_passed: int = strawberry.field(description="Distinct quizzes passed.")
    last_active_at: datetime | None = strawberry.field(
        description="Your last XP earned or logged activity, whichever is later."
    )
    user_id: strawberry.Private[object]
    timezone: strawberry.Private[str]

    @strawberry.field(
        description="XP per week for the last `weeks` weeks (1-52) in your time zone, the "
        "current week last, weeks without XP as 0."
    )
    async def weekly_xp(self, info: AppInfo, weeks: int = 8) -> list[WeekXp]:
        use_cases.check_weeks(weeks)
        monday = use_cases.week_start(datetime.now(UTC), self.timezone)
        loader = info.context.loaders.get(WeeklyXpByUserLoader)
        rows = await loader.load((self.user_id, monday, weeks))
        return [WeekXp(week_start=start, xp=xp) for start, xp in rows]

    @classmethod
    def of(cls, user: User, figures: ProgressFigures, now: datetime) -> ProgressSummary:
        return cls(
            total_xp=figures.total_xp,
            current_streak=current_streak(figures.streak, now, user.timezone),
            lessons_completed=figures.lessons_completed,
            lessons_in_progress=figures.lessons_in_progress,
            average_lesson_score=figures.average_lesson_score,
            study_minutes=figures.study_minutes,
            conversations_completed=figures.conversations_completed,
            average_conversation_score=figures.average_conversation_score,
            estimated_level=figures.estimated_level,
            quizzes_passed=figures.quizzes_passed,
            last_active_at=figures.last_active_at,
            user_id=user.id,
            timezone=user.timezone,
        )


@strawberry.type(description="One thing you did, from your activity log.")
class ActivityEntry:
    id: strawberry.ID
    kind: ActivityKind
    occurred_at: datetime
    summary: str = strawberry.field(
        description="A sentence, e.g. “Completed the lesson “Greetings” with 90%”."
    )

    @classmethod
    def of(cls, row: ActivityEvent, summary: str) -> ActivityEntry:
        return cls(
            id=strawberry.ID(global_id("ActivityEntry", row.id)),
            kind=row.kind,
            occurred_at=row.created_at,
            summary=summary,
        )


@strawberry.type
class UserFields:
    """Insight's dashboard fields of `User` (private: the user and admins)."""

    @strawberry.field(
        description="Your progress at a glance (yours, or anyone's for admins; else null).",
        metadata={COST: PROGRESS_SUMMARY_COST},
    )
    async def progress_summary(self, info: AppInfo) -> ProgressSummary | None:
        user = cast(User, self)
        if not use_cases.may_read(info.context.user, user.id):
            return None
        figures = await info.context.loaders.get(ProgressSummaryByUserLoader).load(user.id)
        if figures is None:
            return None
        return ProgressSummary.of(user, figures, datetime.now(UTC))

    @strawberry.field(
        description="Your activity log, newest first (yours, or anyone's for admins; else null)."
    )
    async def activity(
        self, info: AppInfo, first: int | None = None, after: str | None = None
    ) -> Connection[ActivityEntry] | None:
        user = cast(User, self)
        args = page_args(first, after)
        if not use_cases.may_read(info.context.user, user.id):
            return None
        page = await use_cases.activity_page(user.id, args)
        titles = await use_cases.titles_of(page.items)
        entries = [ActivityEntry.of(row, use_cases.summary(row, titles)) for row in page.items]
        return to_connection(
            Page(entries, page.keys, page.has_next_page, page.has_previous_page, page.total_count)
        )


PROGRESS_TYPES: list[type] = [ProgressSummary, WeekXp, ActivityEntry]
