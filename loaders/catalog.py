"""Catalog loaders: the course tree by id and by parent, counts, and "which course is this in".

Every list loader returns all rows (active or not) in position order; the schema layer hides
inactive content from viewers who are not the course's editors, so one loader serves both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.rows import fetch_records
from loaders.base import (
    CountByKeyLoader,
    ModelByIdLoader,
    ModelsByKeyLoader,
    RecordLoader,
    RowsByJoinedKeyLoader,
    ValueByKeyLoader,
    ValuesByKeyLoader,
)
from models.catalog import (
    ConversationScenario,
    Course,
    Exercise,
    ExerciseOption,
    Language,
    Lesson,
    MediaAsset,
    Section,
    Unit,
)

# --- by id -------------------------------------------------------------------------------


class LanguageByIdLoader(ModelByIdLoader):
    model = Language


class CourseByIdLoader(ModelByIdLoader):
    model = Course


class SectionByIdLoader(ModelByIdLoader):
    model = Section


class UnitByIdLoader(ModelByIdLoader):
    model = Unit


class LessonByIdLoader(ModelByIdLoader):
    model = Lesson


class ExerciseByIdLoader(ModelByIdLoader):
    model = Exercise


class ExerciseOptionByIdLoader(ModelByIdLoader):
    model = ExerciseOption


class MediaAssetByIdLoader(ModelByIdLoader):
    model = MediaAsset


class ScenarioByIdLoader(ModelByIdLoader):
    model = ConversationScenario




class CourseBySlugLoader(RecordLoader):
    """Courses by slug (soft-deleted ones are absent)."""

    async def fetch(self, keys: Sequence[str]) -> dict[str, Any]:
        rows = await Course.filter(slug__in=list(keys), deleted_at=None)
        for row in rows:
            self.loaders.prime(CourseByIdLoader, row.id, row)
        return {row.slug: row for row in rows}


# --- children, in position order ---------------------------------------------------------


class SectionsByCourseLoader(ModelsByKeyLoader):
    model = Section
    key_field = "course_id"
    order_by = ("position",)


class UnitsBySectionLoader(ModelsByKeyLoader):
    model = Unit
    key_field = "section_id"
    order_by = ("position",)


class LessonsByUnitLoader(ModelsByKeyLoader):
    model = Lesson
    key_field = "unit_id"
    order_by = ("position",)


class OptionsByExerciseLoader(ModelsByKeyLoader):
    model = ExerciseOption
    key_field = "exercise_id"
    order_by = ("position",)


class ScenariosByLessonLoader(ModelsByKeyLoader):
    model = ConversationScenario
    key_field = "lesson_id"
    order_by = ("created_at", "id")


class ExercisesByLessonLoader(RowsByJoinedKeyLoader):
    """A lesson's exercises in their LessonExercise order (one join for many lessons)."""

    model, alias = Exercise, "e"
    sql = (
        "SELECT {columns}, le.lesson_id AS _key FROM exercises e "
        "JOIN lesson_exercises le ON le.exercise_id = e.id "
        "WHERE le.lesson_id = ANY($1) ORDER BY le.lesson_id, le.position"
    )


class PrerequisitesByLessonLoader(RowsByJoinedKeyLoader):
    """The lessons a lesson requires, ordered by title for a stable answer."""

    model, alias = Lesson, "l"
    sql = (
        "SELECT {columns}, p.lesson_id AS _key FROM lesson_prerequisites p "
        "JOIN lessons l ON l.id = p.prerequisite_id "
        "WHERE p.lesson_id = ANY($1) ORDER BY p.lesson_id, l.title, l.id"
    )


class ActiveLessonIdsByCourseLoader(ValuesByKeyLoader):
    """Ids of a course's active lessons in path order (section, unit, lesson positions).

    Plain ids, not rows: the unlocking rules need only the order.
    """

    sql = (
        "SELECT s.course_id AS k, l.id AS v FROM lessons l "
        "JOIN units u ON u.id = l.unit_id JOIN sections s ON s.id = u.section_id "
        "WHERE s.course_id = ANY($1) AND l.is_active "
        "ORDER BY s.course_id, s.position, u.position, l.position"
    )


# --- counts ------------------------------------------------------------------------------


class LessonCountByCourseLoader(CountByKeyLoader):
    """Active lessons per course (one GROUP BY over the joined tree)."""

    table = "lessons"
    key_column = "s.course_id"

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await fetch_records(
            "SELECT s.course_id AS k, count(*) AS n FROM lessons t "
            "JOIN units u ON u.id = t.unit_id JOIN sections s ON s.id = u.section_id "
            "WHERE s.course_id = ANY($1) AND t.is_active GROUP BY s.course_id",
            [list(keys)],
        )
        return {row["k"]: int(row["n"]) for row in rows}


# --- which course a node belongs to (for visibility and authoring checks) -----------------


class CourseIdBySectionLoader(ValueByKeyLoader):
    sql = "SELECT id AS k, course_id AS v FROM sections WHERE id = ANY($1)"


class CourseIdByUnitLoader(ValueByKeyLoader):
    sql = (
        "SELECT u.id AS k, s.course_id AS v FROM units u "
        "JOIN sections s ON s.id = u.section_id WHERE u.id = ANY($1)"
    )


class CourseIdByLessonLoader(ValueByKeyLoader):
    sql = (
        "SELECT l.id AS k, s.course_id AS v FROM lessons l JOIN units u ON u.id = l.unit_id "
        "JOIN sections s ON s.id = u.section_id WHERE l.id = ANY($1)"
    )


class CourseIdsByExerciseLoader(ValuesByKeyLoader):
    """The courses an exercise is used in (an exercise may be shared by lessons)."""

    sql = (
        "SELECT DISTINCT le.exercise_id AS k, s.course_id AS v FROM lesson_exercises le "
        "JOIN lessons l ON l.id = le.lesson_id JOIN units u ON u.id = l.unit_id "
        "JOIN sections s ON s.id = u.section_id WHERE le.exercise_id = ANY($1)"
    )
