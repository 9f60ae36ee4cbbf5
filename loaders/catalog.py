"""Catalog loaders: the course tree by id and by parent, counts, and "which course is this in".

Every list loader returns all rows (active or not) in position order; the schema layer hides
inactive content from viewers who are not the course's editors, so one loader serves both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from loaders.base import (
    CountByKeyLoader,
    ModelByIdLoader,
    ModelsByKeyLoader,
    RecordLoader,
    RowsByJoinedKeyLoader,
    ValueByKeyLoader,
    ValuesByKeyLoader,
    select_rows,
)
from models.catalog import (
    ConversationScenario,
    Course,
    Exercise,
    ExerciseOption,
    Language,
    Lesson,
    LessonExercise,
    LessonPrerequisite,
    MediaAsset,
    Section,
    Unit,
)

LESSONS = Lesson._meta.db_table
UNITS = Unit._meta.db_table
SECTIONS = Section._meta.db_table
EXERCISES = Exercise._meta.db_table
LESSON_EXERCISES = LessonExercise._meta.db_table
PREREQUISITES = LessonPrerequisite._meta.db_table

# --- by id -------------------------------------------------------------------------------


class LanguageByIdLoader(ModelByIdLoader):
    model = Language


class LanguageByCodeLoader(RecordLoader):
    """The catalog's language with this code, or None (a language the catalog lacks): for
    rows that name their language by code (study materials, recordings)."""

    async def fetch(self, keys: Sequence[Any]) -> dict[Any, Any]:
        rows = await select_rows(Language, "t.code = ANY($1)", [list(keys)])
        return {row.code: row for row in rows}


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
        # A slug longer than the column holds names no course (and would fail as a parameter).
        longest = Course._meta.fields_map["slug"].max_length  # type: ignore[attr-defined]  # tortoise types fields_map as Field; slug is a CharField
        wanted = [key for key in keys if len(key) <= longest]
        if not wanted:
            return {}
        rows = await Course.filter(slug__in=wanted, deleted_at=None)
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
        f'SELECT {{columns}}, le.lesson_id AS _key FROM "{EXERCISES}" e '
        f'JOIN "{LESSON_EXERCISES}" le ON le.exercise_id = e.id '
        "WHERE le.lesson_id = ANY($1) ORDER BY le.lesson_id, le.position"
    )


class PrerequisitesByLessonLoader(RowsByJoinedKeyLoader):
    """The lessons a lesson requires, ordered by title for a stable answer."""

    model, alias = Lesson, "l"
    sql = (
        f'SELECT {{columns}}, p.lesson_id AS _key FROM "{PREREQUISITES}" p '
        f'JOIN "{LESSONS}" l ON l.id = p.prerequisite_id '
        "WHERE p.lesson_id = ANY($1) ORDER BY p.lesson_id, l.title, l.id"
    )


class ActiveLessonIdsByCourseLoader(ValuesByKeyLoader):
    """Ids of a course's active lessons in path order (section, unit, lesson positions).

    Plain ids, not rows: the unlocking rules need only the order.
    """

    sql = (
        f'SELECT l.course_id AS k, l.id AS v FROM "{LESSONS}" l '
        f'JOIN "{UNITS}" u ON u.id = l.unit_id JOIN "{SECTIONS}" s ON s.id = u.section_id '
        "WHERE l.course_id = ANY($1) AND l.is_active "
        "ORDER BY l.course_id, s.position, u.position, l.position"
    )


# --- counts ------------------------------------------------------------------------------


class LessonCountByCourseLoader(CountByKeyLoader):
    """Active lessons per course (lessons.course_id: migration 6)."""

    table = LESSONS
    key_column = "course_id"
    condition = "t.is_active"


# --- which course a node belongs to (for visibility and authoring checks) -----------------


class CourseIdBySectionLoader(ValueByKeyLoader):
    sql = f'SELECT id AS k, course_id AS v FROM "{SECTIONS}" WHERE id = ANY($1)'


class CourseIdByUnitLoader(ValueByKeyLoader):
    sql = f'SELECT id AS k, course_id AS v FROM "{UNITS}" WHERE id = ANY($1)'


class CourseIdByLessonLoader(ValueByKeyLoader):
    sql = f'SELECT id AS k, course_id AS v FROM "{LESSONS}" WHERE id = ANY($1)'


class CourseIdsByExerciseLoader(ValuesByKeyLoader):
    """The courses an exercise is used in (an exercise may be shared by lessons)."""

    sql = (
        f'SELECT DISTINCT le.exercise_id AS k, l.course_id AS v FROM "{LESSON_EXERCISES}" le '
        f'JOIN "{LESSONS}" l ON l.id = le.lesson_id WHERE le.exercise_id = ANY($1)'
    )
