"""Learning loaders: enrollments, lesson progress pages, streaks, daily activity,
achievements, and what a viewer's progress on a lesson is."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from core.pagination import KeysetQuery
from core.rows import fetch_records
from loaders.base import (
    CountByKeyLoader,
    ModelByIdLoader,
    PageByParentLoader,
    RecordLoader,
)
from loaders.catalog import LESSONS, PREREQUISITES, SECTIONS, UNITS
from models.learning import (
    Achievement,
    DailyActivity,
    Enrollment,
    LessonProgress,
    ProgressStatus,
    UserAchievement,
    UserStreak,
    lesson_progress_id,
)

ENROLLMENTS = Enrollment._meta.db_table
LESSON_PROGRESS = LessonProgress._meta.db_table


class LessonProgressByIdLoader(ModelByIdLoader):
    model = LessonProgress


class AchievementByIdLoader(ModelByIdLoader):
    model = Achievement


class EnrollmentByUserCourseLoader(RecordLoader):
    """Keys `(user_id, course_id)`."""

    async def fetch(self, keys: Sequence[tuple[Any, Any]]) -> dict[Any, Any]:
        users = list({k[0] for k in keys})
        courses = list({k[1] for k in keys})
        rows = await Enrollment.filter(user_id__in=users, course_id__in=courses)
        wanted = set(keys)
        return {(r.user_id, r.course_id): r for r in rows if (r.user_id, r.course_id) in wanted}


class EnrollmentCountByUserLoader(CountByKeyLoader):
    table = ENROLLMENTS
    key_column = "t.user_id"


class EnrollmentCountByCourseLoader(CountByKeyLoader):
    table = ENROLLMENTS
    key_column = "t.course_id"


class EnrollmentsPageByUserLoader(PageByParentLoader):
    """A user's enrollments, most recently active first."""

    parent_column = "t.user_id"
    count_loader = EnrollmentCountByUserLoader

    @classmethod
    def query(cls) -> KeysetQuery:
        return KeysetQuery(
            Enrollment, order=["coalesce(t.last_active_at, t.created_at)", "t.id"], descending=True
        )


class LessonProgressCountByEnrollmentLoader(CountByKeyLoader):
    table = LESSON_PROGRESS
    key_column = "t.enrollment_id"


class CompletedLessonCountByEnrollmentLoader(CountByKeyLoader):
    """Lessons completed at least once (needs_review included)."""

    table = LESSON_PROGRESS
    key_column = "t.enrollment_id"
    condition = "t.first_completed_at IS NOT NULL"


class LessonProgressPageByEnrollmentLoader(PageByParentLoader):
    """An enrollment's progress rows in course path order (one windowed statement)."""

    parent_column = "t.enrollment_id"
    count_loader = LessonProgressCountByEnrollmentLoader

    @classmethod
    def query(cls) -> KeysetQuery:
        return KeysetQuery(
            LessonProgress,
            source=(
                f'"{LESSON_PROGRESS}" t JOIN "{LESSONS}" l ON l.id = t.lesson_id '
                f'JOIN "{UNITS}" u ON u.id = l.unit_id JOIN "{SECTIONS}" s ON s.id = u.section_id'
            ),
            order=["s.position", "u.position", "l.position", "t.id"],
            joined={"t.lesson_id": ("l", LESSONS), "l.unit_id": ("u", UNITS)},
        )


class ProgressByUserLessonLoader(RecordLoader):
    """Keys `(user_id, lesson_id)`."""

    async def fetch(self, keys: Sequence[tuple[Any, Any]]) -> dict[Any, Any]:
        users = list({k[0] for k in keys})
        lessons = list({k[1] for k in keys})
        rows = await LessonProgress.filter(user_id__in=users, lesson_id__in=lessons)
        return {(r.user_id, r.lesson_id): r for r in rows}


_COMPLETED_LESSON_IDS = (
    f'SELECT enrollment_id AS k, lesson_id AS l FROM "{LESSON_PROGRESS}" '
    "WHERE enrollment_id = ANY($1) AND first_completed_at IS NOT NULL"
)


class CompletedLessonIdsByEnrollmentLoader(RecordLoader):
    """The set of lesson ids an enrollment has completed at least once.

    Also read inside lesson play's transaction (resolvers.learning.enrollment), through a
    fresh `Loaders`: the statement runs on the current connection.
    """

    missing: ClassVar[Any] = set()

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await fetch_records(_COMPLETED_LESSON_IDS, [list(keys)])
        grouped: dict[Any, set[Any]] = {}
        for row in rows:
            grouped.setdefault(row["k"], set()).add(row["l"])
        return grouped


_PREREQUISITE_IDS_BY_COURSE = (
    f'SELECT l.course_id AS c, p.lesson_id AS l, p.prerequisite_id AS p FROM "{PREREQUISITES}" p '
    f'JOIN "{LESSONS}" l ON l.id = p.lesson_id WHERE l.course_id = ANY($1)'
)


class PrerequisiteIdsByCourseLoader(RecordLoader):
    """{lesson_id: [prerequisite ids]} for every lesson of a course."""

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await fetch_records(_PREREQUISITE_IDS_BY_COURSE, [list(keys)])
        grouped: dict[Any, dict[Any, list[Any]]] = {key: {} for key in keys}
        for row in rows:
            grouped[row["c"]].setdefault(row["l"], []).append(row["p"])
        return grouped


class UserStreakByUserLoader(RecordLoader):
    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        return {r.user_id: r for r in await UserStreak.filter(user_id__in=list(keys))}


class DailyActivityByUserDateLoader(RecordLoader):
    """Keys `(user_id, local date)`."""

    async def fetch(self, keys: Sequence[tuple[Any, date]]) -> dict[Any, Any]:
        rows = await DailyActivity.filter(
            user_id__in=list({k[0] for k in keys}), date__in=list({k[1] for k in keys})
        )
        return {(r.user_id, r.date): r for r in rows}


class DailyActivitiesByUserSinceLoader(RecordLoader):
    """Keys `(user_id, first date)`: that user's rows from that date on, by date."""

    missing: ClassVar[Any] = []

    async def fetch(self, keys: Sequence[tuple[Any, date]]) -> dict[Any, Any]:
        earliest = min(k[1] for k in keys)
        rows = await DailyActivity.filter(
            user_id__in=list({k[0] for k in keys}), date__gte=earliest
        ).order_by("date")
        return {key: [r for r in rows if r.user_id == key[0] and r.date >= key[1]] for key in keys}


class UserAchievementsByUserLoader(RecordLoader):
    """A user's earned achievements, newest first."""

    missing: ClassVar[Any] = []

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await UserAchievement.filter(user_id__in=list(keys)).order_by("-earned_at", "id")
        grouped: dict[Any, list[UserAchievement]] = {}
        for row in rows:
            grouped.setdefault(row.user_id, []).append(row)
        return grouped


@dataclass(frozen=True, slots=True)
class UnstartedProgress:
    """A lesson the learner has not started: what its progress row will say once created.

    Read-only and never saved, so a plain record: building an unsaved ORM instance per
    lesson of a course tree cost a tenth of the request. Its `id` is the one its row will be
    created with (models.learning.lesson_progress_id).
    """

    user_id: Any
    lesson_id: Any
    enrollment_id: Any
    status: ProgressStatus
    best_score: int | None = None
    attempts: int = 0
    completion_count: int = 0
    time_spent_seconds: int = 0
    xp_earned: int = 0
    hearts_lost: int = 0
    first_completed_at: datetime | None = None
    last_completed_at: datetime | None = None

    @property
    def id(self) -> Any:
        return lesson_progress_id(self.user_id, self.lesson_id)


class ViewerProgressLoader(RecordLoader):
    """Keys `(user_id, lesson_id)`: the learner's progress on a lesson.

    The stored row when there is one; for an enrolled learner without a row, an unsaved
    row whose status (available or locked) follows rules.unlocking; None when not enrolled.
    A fixed number of batched statements whatever the number of keys.
    """

    async def fetch(self, keys: Sequence[tuple[Any, Any]]) -> dict[Any, Any]:
        from loaders.catalog import ActiveLessonIdsByCourseLoader, CourseIdByLessonLoader
        from rules.learning.unlocking import available_lessons, is_available

        rows = await self.loaders.get(ProgressByUserLessonLoader).load_many(list(keys))
        result = {key: row for key, row in zip(keys, rows, strict=True) if row is not None}
        missing = [key for key in keys if key not in result]
        if not missing:
            return result
        course_ids = await self.loaders.get(CourseIdByLessonLoader).load_many(
            [lesson for _, lesson in missing]
        )
        wanted = [(key, course) for key, course in zip(missing, course_ids, strict=True) if course]
        enrollments = await self.loaders.get(EnrollmentByUserCourseLoader).load_many(
            [(key[0], course) for key, course in wanted]
        )
        enrolled = [
            (key, course, e) for (key, course), e in zip(wanted, enrollments, strict=True) if e
        ]
        if not enrolled:
            return result
        courses = list({course for _, course, _ in enrolled})
        orders, prereqs = await asyncio.gather(
            self.loaders.get(ActiveLessonIdsByCourseLoader).load_many(courses),
            self.loaders.get(PrerequisiteIdsByCourseLoader).load_many(courses),
        )
        paths = dict(zip(courses, zip(orders, prereqs, strict=True), strict=True))
        done = await self.loaders.get(CompletedLessonIdsByEnrollmentLoader).load_many(
            [e.id for _, _, e in enrolled]
        )
        opened: dict[Any, tuple[set[Any], set[Any]]] = {}  # per enrollment: path, open lessons
        for (key, course, enrollment), completed in zip(enrolled, done, strict=True):
            order, required = paths[course]
            if enrollment.id not in opened:  # once per enrollment, not once per lesson
                opened[enrollment.id] = (set(order), available_lessons(order, required, completed))
            on_path, open_lessons = opened[enrollment.id]
            if key[1] in on_path:
                open_ = key[1] in open_lessons
            else:  # e.g. an inactive lesson: only its own prerequisites can open it
                open_ = is_available(key[1], order, required, completed)
            result[key] = UnstartedProgress(
                user_id=key[0],
                lesson_id=key[1],
                enrollment_id=enrollment.id,
                status=ProgressStatus.AVAILABLE if open_ else ProgressStatus.LOCKED,
            )
        return result
